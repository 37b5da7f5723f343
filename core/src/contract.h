#pragma once
// Contract checks inside core: a violated precondition is a programming error, never a user's. It stops the
// program with a message naming the check, in every build type.

#include <cstdio>
#include <cstdlib>

#define PARLEY_EXPECTS(cond, what)                                                              \
  do {                                                                                          \
    if (!(cond)) {                                                                              \
      std::fprintf(stderr, "parley: contract violated: %s (%s:%d)\n", what, __FILE__, __LINE__); \
      std::abort();                                                                             \
    }                                                                                           \
  } while (false)
