/* CLibEdit: BSD libedit (Debian's libedit-dev) for tq's interactive shell.
 *
 * el_set(), el_get() and history() are C-variadic, which Swift cannot call: the static
 * inline wrappers below give them fixed signatures (compiled by Swift's Clang importer,
 * no extra C target). See ../shared/design/REPL-LIBEDIT.md, part B. */
#ifndef TQ_CLIBEDIT_SHIM_H
#define TQ_CLIBEDIT_SHIM_H

#include <histedit.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <langinfo.h>
#include <locale.h>

/* The prompt callback: returns a C string that stays alive until the next call. */
typedef char *(*tq_prompt_fn)(EditLine *);
/* An editor function bound to a key (Tab completion): returns a CC_* code. */
typedef unsigned char (*tq_command_fn)(EditLine *, int);

/* Prompt with non-printing sequences (colours) bracketed by `literal`. */
static inline int tq_el_set_prompt_esc(EditLine *el, tq_prompt_fn f, char literal) {
    return el_set(el, EL_PROMPT_ESC, f, literal);
}
static inline int tq_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int tq_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int tq_el_add_fn(EditLine *el, const char *name, const char *help, tq_command_fn f) {
    return el_set(el, EL_ADDFN, name, help, f);
}
static inline int tq_el_bind(EditLine *el, const char *key, const char *fn) {
    return el_set(el, EL_BIND, key, fn, (const char *)NULL);
}
static inline int tq_el_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int tq_el_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *tq_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}

static inline int tq_hist_setsize(History *h, HistEvent *ev, int n) { return history(h, ev, H_SETSIZE, n); }
static inline int tq_hist_setunique(History *h, HistEvent *ev, int on) { return history(h, ev, H_SETUNIQUE, on); }
static inline int tq_hist_enter(History *h, HistEvent *ev, const char *line) { return history(h, ev, H_ENTER, line); }
/* No H_SAVE wrapper on purpose: it truncates the target before writing (RELIABILITY.md 1.5). */

/* SIGINT via sigaction WITHOUT SA_RESTART, so the blocking read() inside el_gets()
   returns EINTR instead of being restarted (glibc's signal() implies SA_RESTART).
   SIGINT is also unblocked: a parent may hand down a mask that blocks it. */
static inline int tq_install_sigint(void (*handler)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    return sigaction(SIGINT, &sa, NULL);
}

/* The character set of the LC_CTYPE locale ("UTF-8", "ANSI_X3.4-1968", ...). */
static inline const char *tq_codeset(void) { return nl_langinfo(CODESET); }

#endif
