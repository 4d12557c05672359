#ifndef WASTESORT_COPENSSL_SHIM_H
#define WASTESORT_COPENSSL_SHIM_H
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/ssl.h>

// Macros over SSL_CTX_ctrl that Swift cannot call directly.
static inline int copenssl_ctx_set_min_tls12(SSL_CTX *ctx) {
    return SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
}
static inline long copenssl_ctx_set_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_mode(ctx, mode);
}
// SSL_OP_* are 64-bit shift macros Swift cannot import: no renegotiation, our cipher order.
static inline uint64_t copenssl_ctx_set_server_options(SSL_CTX *ctx) {
    return SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
}
static inline int copenssl_ctx_set_proto_range(SSL_CTX *ctx, int min, int max) {
    return SSL_CTX_set_min_proto_version(ctx, min) && SSL_CTX_set_max_proto_version(ctx, max);
}
/// Empties this thread's OpenSSL error queue into `out` as readable text joined by "; ";
/// one place for the TLS layer and the hashing module to turn OpenSSL failures into messages.
static inline void copenssl_drain_errors(char *out, size_t capacity) {
    size_t used = 0;
    if (capacity == 0) return;
    out[0] = 0;
    unsigned long code;
    while ((code = ERR_get_error()) != 0) {
        char line[256];
        ERR_error_string_n(code, line, sizeof line);
        size_t length = strlen(line);
        if (used > 0 && used + 2 < capacity) { out[used++] = ';'; out[used++] = ' '; }
        if (used + length >= capacity) length = capacity - used - 1;
        memcpy(out + used, line, length);
        used += length;
        out[used] = 0;
    }
}
#endif
