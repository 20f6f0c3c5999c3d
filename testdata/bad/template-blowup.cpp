// Every level instantiates two distinct lower levels: 2^40 instantiations, far past any
// per-translation-unit time limit. privaudit stops the unit at --tu-timeout and goes on.
template <int N, int K> struct Blowup {
    static constexpr long value = Blowup<N - 1, 2 * K>::value + Blowup<N - 1, 2 * K + 1>::value;
};
template <int K> struct Blowup<0, K> {
    static constexpr long value = K;
};
long total = Blowup<40, 0>::value;
