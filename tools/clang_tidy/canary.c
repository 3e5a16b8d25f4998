/*
 * Analysed only by tools/clang_tidy.py, with the flags of each kind of
 * build: each function holds a finding of one check family, and the run
 * fails unless clang-tidy reports all three (a broken .clang-tidy or
 * compile command would otherwise pass by analysing nothing). Never built.
 */
#include <stddef.h>
#include <stdlib.h>

#define CANARY_TWICE(x) (x * 2) /* bugprone-macro-parentheses */

int canary_bugprone(int a);
int canary_cert(const char *s);
int canary_analyzer(int a);

int canary_bugprone(int a)
{
    return CANARY_TWICE(a + 1);
}

int canary_cert(const char *s)
{
    return atoi(s); /* cert-err34-c */
}

int canary_analyzer(int a)
{
    int *p = NULL;

    if (a > 0) {
        return *p; /* clang-analyzer-core.NullDereference */
    }
    return a;
}
