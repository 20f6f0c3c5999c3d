// Stand-in for the Windows SDK's <windows.h>: the types and memory functions the testdata uses
// (declarations only).
#pragma once
#include <stddef.h>
#include <string.h>

typedef unsigned char BYTE;
typedef BYTE* PBYTE;
typedef unsigned char UCHAR;
typedef UCHAR* PUCHAR;
typedef unsigned long DWORD;
typedef unsigned long ULONG;
typedef int BOOL;
typedef long NTSTATUS;
typedef void* PVOID;
typedef void* HANDLE;
typedef size_t SIZE_T;
typedef unsigned long long ULONG_PTR;
typedef const wchar_t* LPCWSTR;
typedef const char* LPCSTR;

#define TRUE 1
#define FALSE 0

extern "C" {
PVOID RtlSecureZeroMemory(PVOID ptr, SIZE_T cnt);
HANDLE GetProcessHeap(void);
PVOID HeapAlloc(HANDLE hHeap, DWORD dwFlags, SIZE_T dwBytes);
BOOL HeapFree(HANDLE hHeap, DWORD dwFlags, PVOID lpMem);
}

#define SecureZeroMemory RtlSecureZeroMemory
#define RtlZeroMemory(Destination, Length) memset((Destination), 0, (Length))
#define ZeroMemory RtlZeroMemory
