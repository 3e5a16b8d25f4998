/* printf-style output on the NS console. */
#ifndef WARDEN_NS_LOG_H
#define WARDEN_NS_LOG_H

void ns_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* WARDEN_NS_LOG_H */
