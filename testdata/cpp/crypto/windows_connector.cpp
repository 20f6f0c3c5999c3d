// The Windows side of the contact center: the CTI connector checks agent passwords and keys the
// recording archive with CryptoAPI and CNG.
#include <bcrypt.h>
#include <string>
#include <vector>
#include <wincrypt.h>
#include <windows.h>

namespace cti {

bool matchesStoredDigest(HCRYPTHASH hash, const BYTE* expected);

bool checkAgentPassword(HCRYPTPROV provider, const std::string& password, const BYTE* expected) {
    HCRYPTHASH hash = 0;
    if (!CryptCreateHash(provider, CALG_MD5, 0, 0, &hash)) {
        return false;
    }
    CryptHashData(hash, reinterpret_cast<const BYTE*>(password.data()), DWORD(password.size()), 0); // expect: cpp/weak-crypto
    bool matches = matchesStoredDigest(hash, expected);
    CryptDestroyHash(hash);
    return matches;
}

bool checksumRecording(HCRYPTPROV provider, const std::vector<BYTE>& recordingChunk,
                       const BYTE* expected) {
    HCRYPTHASH hash = 0;
    if (!CryptCreateHash(provider, CALG_SHA_256, 0, 0, &hash)) {
        return false;
    }
    CryptHashData(hash, recordingChunk.data(), DWORD(recordingChunk.size()), 0); // ok: cpp/weak-crypto
    bool matches = matchesStoredDigest(hash, expected);
    CryptDestroyHash(hash);
    return matches;
}

HCRYPTKEY archiveKey(HCRYPTPROV provider, HCRYPTHASH passphraseHash) {
    HCRYPTKEY key = 0;
    CryptDeriveKey(provider, CALG_3DES, passphraseHash, 0, &key); // expect: cpp/weak-crypto
    return key;
}

HCRYPTKEY newArchiveKey(HCRYPTPROV provider) {
    HCRYPTKEY key = 0;
    CryptGenKey(provider, CALG_AES_256, 0, &key); // ok: cpp/weak-crypto
    return key;
}

NTSTATUS callerEmailLookupKey(const std::wstring& callerEmail, PUCHAR digest, ULONG size) {
    BCRYPT_ALG_HANDLE algorithm = nullptr;
    BCryptOpenAlgorithmProvider(&algorithm, BCRYPT_SHA1_ALGORITHM, nullptr, 0);
    BCRYPT_HASH_HANDLE hash = nullptr;
    BCryptCreateHash(algorithm, &hash, nullptr, 0, nullptr, 0, 0);
    BCryptHashData(hash, (PUCHAR)callerEmail.data(), ULONG(callerEmail.size() * sizeof(wchar_t)), 0); // expect: cpp/weak-crypto
    NTSTATUS status = BCryptFinishHash(hash, digest, size, 0);
    BCryptDestroyHash(hash);
    BCryptCloseAlgorithmProvider(algorithm, 0);
    return status;
}

NTSTATUS callerEmailPseudonym(const std::wstring& callerEmail, PUCHAR pepper, ULONG pepperSize,
                              PUCHAR digest, ULONG size) {
    BCRYPT_ALG_HANDLE algorithm = nullptr;
    BCryptOpenAlgorithmProvider(&algorithm, BCRYPT_SHA256_ALGORITHM, nullptr,
                                BCRYPT_ALG_HANDLE_HMAC_FLAG);
    BCRYPT_HASH_HANDLE hash = nullptr;
    BCryptCreateHash(algorithm, &hash, nullptr, 0, pepper, pepperSize, 0);
    BCryptHashData(hash, (PUCHAR)callerEmail.data(), ULONG(callerEmail.size() * sizeof(wchar_t)), 0); // ok: cpp/weak-crypto
    NTSTATUS status = BCryptFinishHash(hash, digest, size, 0);
    BCryptDestroyHash(hash);
    BCryptCloseAlgorithmProvider(algorithm, 0);
    return status;
}

void openArchiveCiphers(BCRYPT_ALG_HANDLE& legacy, BCRYPT_ALG_HANDLE& current) {
    BCryptOpenAlgorithmProvider(&legacy, BCRYPT_3DES_ALGORITHM, nullptr, 0); // expect: cpp/weak-crypto
    BCryptOpenAlgorithmProvider(&current, BCRYPT_AES_ALGORITHM, nullptr, 0); // ok: cpp/weak-crypto
    BCryptSetProperty(current, BCRYPT_CHAINING_MODE, (PUCHAR)BCRYPT_CHAIN_MODE_ECB, sizeof(BCRYPT_CHAIN_MODE_ECB), 0); // expect: cpp/weak-crypto
    BCryptSetProperty(current, BCRYPT_CHAINING_MODE, (PUCHAR)BCRYPT_CHAIN_MODE_GCM, sizeof(BCRYPT_CHAIN_MODE_GCM), 0); // ok: cpp/weak-crypto
}

} // namespace cti
