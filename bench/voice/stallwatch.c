/* stallwatch DURATION LIMIT_MS: whether the machine itself stopped, whatever runs on it. One thread per CPU,
 * pinned to it, at real-time priority 50 (above Tandem's media threads at 10), asks to wake every
 * millisecond for DURATION seconds and prints each wake-up that came LIMIT_MS or more late, as
 * "EPOCH_MS CPU LATE_MS" (EPOCH_MS: when it was due). Such a thread is only late when its CPU could not
 * run it: a virtual machine's host running something else on it, or a kernel path that does not yield.
 * Needs real-time scheduling (root, or CAP_SYS_NICE); says so on stderr and exits 2 without it. */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
static long long dur_ns, limit_ns;
static pthread_mutex_t out = PTHREAD_MUTEX_INITIALIZER;
static long long ns(clockid_t c){ struct timespec t; clock_gettime(c,&t); return t.tv_sec*1000000000LL+t.tv_nsec; }
static void *watch(void *arg){
  int cpu = (int)(long)arg; cpu_set_t set; CPU_ZERO(&set); CPU_SET(cpu,&set);
  struct sched_param p = {.sched_priority = 50};
  if (pthread_setaffinity_np(pthread_self(),sizeof set,&set) || pthread_setschedparam(pthread_self(),SCHED_FIFO,&p)) {
    fprintf(stderr,"stallwatch: CPU %d: no real-time scheduling here (run as root or with CAP_SYS_NICE)\n",cpu); exit(2); }
  long long start = ns(CLOCK_MONOTONIC), due = start;
  while (due - start < dur_ns) {
    due += 1000000; struct timespec t = {due/1000000000LL, due%1000000000LL};
    clock_nanosleep(CLOCK_MONOTONIC,TIMER_ABSTIME,&t,NULL);
    long long now = ns(CLOCK_MONOTONIC), late = now - due;
    if (late >= limit_ns) {
      pthread_mutex_lock(&out);
      printf("%lld %d %.1f\n",(ns(CLOCK_REALTIME)-late)/1000000,cpu,late/1e6); fflush(stdout);
      pthread_mutex_unlock(&out); }
    if (late > 1000000) due = now; /* one report per stall, not one per missed millisecond */
  }
  return NULL; }
int main(int argc,char**argv){
  dur_ns = (argc>1?atoll(argv[1]):60)*1000000000LL; limit_ns = (long long)((argc>2?atof(argv[2]):5)*1e6);
  int n = (int)sysconf(_SC_NPROCESSORS_ONLN); if (n > 256) n = 256; pthread_t th[256];
  for (long i = 0; i < n; i++) pthread_create(&th[i],NULL,watch,(void*)i);
  for (int i = 0; i < n; i++) pthread_join(th[i],NULL);
  return 0; }
