#pragma once
/* OpenSSL's libcrypto: SHA-256 of the model store's files (EVP digests). */
#include <openssl/evp.h>
