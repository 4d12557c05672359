#ifndef WASTESORT_CBUILDINFO_H
#define WASTESORT_CBUILDINFO_H

// The git commit the binary was built from, set by Package.swift at build time
// ("unknown" outside a git checkout unless WASTESORT_COMMIT is set, as the Dockerfile does).
const char *cbuildinfo_commit(void);

#endif
