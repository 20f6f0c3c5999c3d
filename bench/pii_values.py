"""Valid synthetic identifiers for benchmarks and testdata: every value passes the check-digit
rules privaudit applies, and none belongs to anyone (random, seeded)."""
import random
import string

ICAO_CHARS = "CFGHJKLMNPRTVWXYZ0123456789"


def luhn_complete(digits):
    total = 0
    for i, ch in enumerate(reversed(digits + "0")):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return digits + str((10 - total % 10) % 10)


def card(rng, prefix="4", length=16):
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    return luhn_complete(body)


def group4(number):
    return " ".join(number[i:i + 4] for i in range(0, len(number), 4))


def iban(rng, country="DE", bban_length=18):
    bban = "".join(rng.choice(string.digits) for _ in range(bban_length))
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(numeric) % 97
    return f"{country}{check:02d}{bban}"


def mod11_10_check(digits):
    product = 10
    for ch in digits:
        s = (int(ch) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    check = 11 - product
    return "0" if check == 10 else str(check)


def steuer_id(rng):
    while True:
        digits = rng.sample(string.digits, 9)
        if digits[0] == "0":
            continue
        repeated = rng.choice(digits)
        body = digits + [repeated]
        rng.shuffle(body)
        if body[0] == "0":
            continue
        text = "".join(body)
        return text + mod11_10_check(text)


def ust_id(rng):
    body = str(rng.randint(10000000, 99999999))
    return "DE" + body + mod11_10_check(body)


def svnr(rng):
    area = f"{rng.randint(10, 89):02d}"
    date = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(50, 99):02d}"
    letter = rng.choice(string.ascii_uppercase)
    serial = f"{rng.randint(0, 99):02d}"
    digits = area + date + f"{ord(letter) - 64:02d}" + serial
    weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]
    total = sum((int(d) * w) // 10 + (int(d) * w) % 10 for d, w in zip(digits, weights))
    return area + date + letter + serial + str(total % 10)


def kvnr(rng):
    letter = rng.choice(string.ascii_uppercase)
    body = "".join(rng.choice(string.digits) for _ in range(8))
    digits = f"{ord(letter) - 64:02d}" + body
    total = 0
    for i, d in enumerate(digits):
        p = int(d) * (1 if i % 2 == 0 else 2)
        total += p // 10 + p % 10
    return letter + body + str(total % 10)


def icao_check(chars):
    weights = [7, 3, 1]
    total = 0
    for i, c in enumerate(chars):
        value = int(c) if c.isdigit() else ord(c) - 55
        total += value * weights[i % 3]
    return str(total % 10)


def id_card(rng):
    body = rng.choice("CFGHJKLMNPRTVWXYZ") + "".join(rng.choice(ICAO_CHARS) for _ in range(7))
    body += rng.choice(string.digits)
    return body + icao_check(body)


def nhs(rng):
    while True:
        body = "".join(rng.choice(string.digits) for _ in range(9))
        total = sum(int(d) * (10 - i) for i, d in enumerate(body))
        check = 11 - total % 11
        if check == 11:
            check = 0
        if check != 10:
            return body + str(check)


def ssn(rng):
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def nino(rng):
    first = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    if first + second in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
        first = "A"
    return first + second + "".join(rng.choice(string.digits) for _ in range(6)) + rng.choice("ABCD")


def german_mobile(rng):
    return f"+49 1{rng.choice('567')}{rng.randint(0, 9)} {rng.randint(1000000, 9999999)}"


def email(rng, first, last):
    domain = rng.choice(["example.com", "example.org", "example.net", "mail.example.de"])
    return f"{first.lower()}.{last.lower()}@{domain}"


def public_ipv4(rng):
    while True:
        a = rng.randint(11, 223)
        if a not in (100, 127, 169, 172, 192, 198, 203):
            return f"{a}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def api_key(rng):
    return "sk_live_" + "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(24))


if __name__ == "__main__":
    rng = random.Random(7)
    for name, make in [("card", lambda: card(rng)), ("mc", lambda: card(rng, "52")),
                       ("amex", lambda: card(rng, "37", 15)), ("iban", lambda: iban(rng)),
                       ("iban_gb", lambda: iban(rng, "GB", 18)), ("steuer", lambda: steuer_id(rng)),
                       ("ust", lambda: ust_id(rng)), ("svnr", lambda: svnr(rng)),
                       ("kvnr", lambda: kvnr(rng)), ("idcard", lambda: id_card(rng)),
                       ("nhs", lambda: nhs(rng)), ("ssn", lambda: ssn(rng)),
                       ("nino", lambda: nino(rng)), ("ip", lambda: public_ipv4(rng)),
                       ("key", lambda: api_key(rng))]:
        print(name, make(), make())
