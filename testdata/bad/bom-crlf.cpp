// A byte order mark and CRLF line ends: positions stay exact.

const char* apiKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"; // expect: cpp/hardcoded-secret
