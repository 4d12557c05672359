#include "cbuildinfo.h"

#ifndef WASTESORT_COMMIT
#define WASTESORT_COMMIT "unknown"
#endif

const char *cbuildinfo_commit(void) {
    return WASTESORT_COMMIT;
}
