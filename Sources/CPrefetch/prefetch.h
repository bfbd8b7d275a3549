#ifndef CPREFETCH_H
#define CPREFETCH_H
/* Asks the processor to start loading the cache line at `address`, without waiting for it.
   Swift has no way to say this; replaying a log uses it to fetch the next event's table
   slot while the current event is applied (CodingState.Replay). A hint only: it never faults. */
static inline void litcoder_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }
#endif
