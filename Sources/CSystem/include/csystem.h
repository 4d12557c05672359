#ifndef WASTESORT_CSYSTEM_H
#define WASTESORT_CSYSTEM_H
// epoll, eventfd and accept4 for the event loop: Glibc's Swift module exposes none of them.
// Only fixed-width types here, so this header owns no system header and clashes with no module.
#include <stdint.h>

typedef struct { uint32_t events; uint64_t data; } csystem_event;

enum {
    CSYSTEM_EPOLLIN = 0x001,
    CSYSTEM_EPOLLOUT = 0x004,
    CSYSTEM_EPOLLERR = 0x008,
    CSYSTEM_EPOLLHUP = 0x010,
    CSYSTEM_EPOLLRDHUP = 0x2000,
    CSYSTEM_EPOLLET = (int)(1u << 31),
};

/// epoll_create1(EPOLL_CLOEXEC).
int csystem_epoll_create(void);
/// epoll_ctl with EPOLL_CTL_ADD; `data` comes back with each event.
int csystem_epoll_add(int epfd, int fd, uint32_t events, uint64_t data);
/// epoll_ctl with EPOLL_CTL_DEL.
int csystem_epoll_remove(int epfd, int fd);
/// epoll_wait into plain (unpacked) structs; at most 256 events per call.
int csystem_epoll_wait(int epfd, csystem_event *out, int max, int timeout_ms);
/// eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC).
int csystem_eventfd(void);
/// accept4 with SOCK_NONBLOCK | SOCK_CLOEXEC; `addr` points at a sockaddr_storage.
int csystem_accept4(int fd, void *addr, uint32_t *len);
/// mallopt(M_ARENA_MAX, count): caps glibc's per-thread malloc arenas (memory fragmentation).
int csystem_limit_malloc_arenas(int count);
#endif
