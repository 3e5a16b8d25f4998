/* test_client_api is two files: this one runs the psa_call() group. */
#ifndef WARDEN_UNIT_TEST_CLIENT_API_H
#define WARDEN_UNIT_TEST_CLIENT_API_H

int client_api_call_tests(void);

#endif /* WARDEN_UNIT_TEST_CLIENT_API_H */
