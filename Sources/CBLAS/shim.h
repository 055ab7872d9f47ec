#pragma once
#include <cblas.h>

/* OpenBLAS (not part of CBLAS): stops the worker threads started when the library loaded.
   They are started again by the next threaded call. */
int blas_thread_shutdown_(void);
