/* The CMSDK APB UART0, used as the console by both security states. */
#include "an505.h"
#include "memory_map.h"

#define UART_REG(off) \
    (*(volatile uint32_t *)(uintptr_t)(AN505_UART0_BASE + (off)))
#define UART_DATA    UART_REG(0x00u)
#define UART_STATE   UART_REG(0x04u)
#define UART_CTRL    UART_REG(0x08u)
#define UART_BAUDDIV UART_REG(0x10u)

#define UART_STATE_TXFULL (1u << 0)
#define UART_CTRL_TXEN    (1u << 0)

void an505_uart_init(void)
{
    UART_BAUDDIV = AN505_SYSCLK_HZ / 115200u;
    UART_CTRL = UART_CTRL_TXEN;
}

void an505_uart_write(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        while ((UART_STATE & UART_STATE_TXFULL) != 0u) {
            if ((UART_CTRL & UART_CTRL_TXEN) == 0u) {
                return;
            }
        }
        UART_DATA = (uint8_t)s[i];
    }
}
