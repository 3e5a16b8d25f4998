/* The interrupt benchmark's handlers (bench_irq_handlers.c). */
#ifndef WARDEN_BENCH_IRQ_HANDLERS_H
#define WARDEN_BENCH_IRQ_HANDLERS_H

/** The mark of the SLIH's woken partition code. */
void bench_irq_woken(void);

#endif /* WARDEN_BENCH_IRQ_HANDLERS_H */
