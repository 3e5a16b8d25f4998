/*
 * TF-M's log API for secure partitions, so that a partition written for
 * TF-M builds unchanged: LOG_DBGFMT(), LOG_INFFMT() and LOG_ERRFMT() take
 * printf's arguments and print on the secure console (through Warden's
 * partition log, include/warden/log.h, the same formats: %d %i %u %x %X %c
 * %s %p %%), each when the partition log level lets it:
 *
 *   TFM_PARTITION_LOG_LEVEL_DEBUG    all three
 *   TFM_PARTITION_LOG_LEVEL_INFO     LOG_INFFMT and LOG_ERRFMT
 *   TFM_PARTITION_LOG_LEVEL_ERROR    LOG_ERRFMT
 *   TFM_PARTITION_LOG_LEVEL_SILENCE  none
 *
 * The level is the CMake option TFM_PARTITION_LOG_LEVEL, which
 * warden_partition() passes to every partition's sources (INFO if not
 * given). A macro its level leaves out is not compiled: its arguments are
 * not evaluated.
 */
#ifndef WARDEN_TFM_SP_LOG_H
#define WARDEN_TFM_SP_LOG_H

#define TFM_PARTITION_LOG_LEVEL_DEBUG   3
#define TFM_PARTITION_LOG_LEVEL_INFO    2
#define TFM_PARTITION_LOG_LEVEL_ERROR   1
#define TFM_PARTITION_LOG_LEVEL_SILENCE 0

#ifndef TFM_PARTITION_LOG_LEVEL
#define TFM_PARTITION_LOG_LEVEL TFM_PARTITION_LOG_LEVEL_INFO
#endif

#if TFM_PARTITION_LOG_LEVEL < TFM_PARTITION_LOG_LEVEL_SILENCE || \
    TFM_PARTITION_LOG_LEVEL > TFM_PARTITION_LOG_LEVEL_DEBUG
#error \
    "TFM_PARTITION_LOG_LEVEL is not a partition log level: give TFM_PARTITION_LOG_LEVEL_DEBUG, _INFO, _ERROR or _SILENCE"
#endif

/**
 * Prints @p fmt with its arguments on the secure console, from a partition.
 * @return the number of characters printed.
 */
int tfm_sp_log_printf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

#if TFM_PARTITION_LOG_LEVEL >= TFM_PARTITION_LOG_LEVEL_DEBUG
#define LOG_DBGFMT(...) tfm_sp_log_printf(__VA_ARGS__)
#else
#define LOG_DBGFMT(...) ((void)0)
#endif

#if TFM_PARTITION_LOG_LEVEL >= TFM_PARTITION_LOG_LEVEL_INFO
#define LOG_INFFMT(...) tfm_sp_log_printf(__VA_ARGS__)
#else
#define LOG_INFFMT(...) ((void)0)
#endif

#if TFM_PARTITION_LOG_LEVEL >= TFM_PARTITION_LOG_LEVEL_ERROR
#define LOG_ERRFMT(...) tfm_sp_log_printf(__VA_ARGS__)
#else
#define LOG_ERRFMT(...) ((void)0)
#endif

#endif /* WARDEN_TFM_SP_LOG_H */
