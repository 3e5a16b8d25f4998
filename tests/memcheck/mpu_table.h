/* The Secure MPU's table check of the memcheck image (mpu_table.c). */
#ifndef WARDEN_MEMCHECK_MPU_TABLE_H
#define WARDEN_MEMCHECK_MPU_TABLE_H

/** NULL if armv8m_mpu_configure() refused every table it cannot program
 * and changed nothing then, else what went wrong. */
const char *mpu_table_check(void);

#endif /* WARDEN_MEMCHECK_MPU_TABLE_H */
