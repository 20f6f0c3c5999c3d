"""Generates a contact-center artifact corpus for the scan-data benchmark: JSON-lines chat
logs and plain transcripts, digit-dense like real logs (timestamps, trace ids, UUIDs, order
and ticket numbers, versions, hashes, amounts), with known planted personal data.

Usage: generate_artifacts.py OUT_DIR [MEGABYTES]   (default 1100)
Writes OUT_DIR/*.jsonl, OUT_DIR/*.txt and OUT_DIR/truth.tsv (file, line, entity). Python writes
about 5 MB/s, so two distinct shards of each kind are generated and the other files are copies
of them (with their planted values listed again): the scanner cannot tell, and the corpus stays
quick to make."""
import json
import os
import random
import shutil
import sys

import pii_values as pv

FIRST = ["Erika", "Max", "Lena", "Jan", "Sophie", "Lukas", "Anna", "Paul", "Emma", "Noah"]
LAST = ["Muster", "Beispiel", "Hoffmann", "Schmidt", "Weber", "Becker", "Wagner", "Klein"]

NOISE = [
    "Hallo, wo ist meine Bestellung {order}?",
    "Where is my order {order}? It was due on {date}.",
    "Meine Bestellnummer ist {order}, bestellt am {date}.",
    "Ich habe {n} Artikel für {amount} EUR bestellt.",
    "The tracking number is {tracking}.",
    "Rechnung {invoice} ist noch offen.",
    "Ticket {ticket} wurde angelegt.",
    "The app says version {version}, build {build}.",
    "Artikelnummer {sku}, Größe {n}.",
    "Can I return item {sku} from order {order}?",
    "Danke, das hat geholfen!",
    "I want to speak to a human please.",
    "Wie lange dauert die Lieferung nach {plz}?",
    "Kundennummer {customer}",
    "My reference is {ticket} and the amount was {amount}.",
    "Der Code {hash} funktioniert nicht.",
    "Ich warte seit {n} Tagen, seit {date} um {time}.",
    "Order {order} shows status {status} since {ts_ms}.",
]
STATUS = ["shipped", "pending", "delayed", "returned", "cancelled"]

PLANTS = [
    ("CREDIT_CARD", "my card is {v}", lambda r: pv.group4(pv.card(r, r.choice(["4", "51", "52", "55"])))),
    ("CREDIT_CARD", "Kreditkarte {v} bitte belasten", lambda r: pv.card(r, "4")),
    ("IBAN_CODE", "Meine IBAN ist {v}", lambda r: pv.group4(pv.iban(r))),
    ("IBAN_CODE", "refund to {v} please", lambda r: r.choice([pv.iban(r, "DE", 18), pv.iban(r, "AT", 16)])),
    ("EMAIL_ADDRESS", "schreib mir an {v}", None),
    ("EMAIL_ADDRESS", "you can email me at {v}", None),
    ("PHONE_NUMBER", "ruf mich an unter {v}", lambda r: pv.german_mobile(r)),
    ("PHONE_NUMBER", "call me on +44 20 7946 {v}", lambda r: f"{r.randint(1000, 9999)}"),
    ("DE_TAX_ID", "meine Steuer-ID ist {v}", lambda r: pv.steuer_id(r)),
    ("US_SSN", "my SSN is {v}", lambda r: pv.ssn(r)),
    ("DATE_TIME", "geboren am {v}", lambda r: f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.{r.randint(1940, 2004)}"),
    ("DE_VAT_ID", "USt-IdNr. {v}", lambda r: pv.ust_id(r)),
    ("IP_ADDRESS", "my IP is {v}", lambda r: pv.public_ipv4(r)),
    ("DE_SOCIAL_SECURITY", "Sozialversicherungsnummer {v}", lambda r: pv.svnr(r)),
]


def hexid(r, n):
    return "%0*x" % (n, r.getrandbits(n * 4))


def uuid(r):
    h = hexid(r, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def noise_text(r, ts_ms):
    t = r.choice(NOISE)
    return t.format(
        order=r.randint(10**7, 10**12), date=f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.2026",
        n=r.randint(1, 30), amount=f"{r.randint(5, 999)},{r.randint(0, 99):02d}",
        tracking=str(r.randint(10**19, 10**20 - 1)), invoice=f"INV-2026-{r.randint(0, 999999):06d}",
        ticket=f"{r.randint(20260000, 20269999)}-{r.randint(0, 9999):04d}",
        version=f"{r.randint(1, 9)}.{r.randint(0, 20)}.{r.randint(0, 9)}", build=r.randint(10**7, 10**8),
        sku=f"{r.randint(100000, 999999)}-{r.randint(10, 99)}", plz=f"{r.randint(1067, 99998):05d}",
        customer=r.randint(10**10, 10**11 - 1), hash=hexid(r, 40), time=f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
        status=r.choice(STATUS), ts_ms=ts_ms)


def plant(r):
    entity, template, make = r.choice(PLANTS)
    value = pv.email(r, r.choice(FIRST), r.choice(LAST)) if make is None else make(r)
    return entity, template.format(v=value)


def write_jsonl(path, size, r, truth, name):
    ts = 1762161242000
    line_no = 0
    with open(path, "w", buffering=1 << 20) as f:
        while f.tell() < size:
            line_no += 1
            ts += r.randint(1, 900)
            sec, ms = divmod(ts, 1000)
            event = {
                "ts": f"2026-11-03T{(sec // 3600) % 24:02d}:{(sec // 60) % 60:02d}:{sec % 60:02d}.{ms:03d}Z",
                "level": "INFO", "service": "bot-gateway", "trace_id": hexid(r, 32),
                "span_id": hexid(r, 16), "sender_id": uuid(r), "event": r.choice(["user", "bot", "action"]),
                "latency_ms": r.randint(3, 4000), "order_id": r.randint(10**7, 10**12),
                "version": "4.12.3",
            }
            if r.random() < 0.012:
                entity, text = plant(r)
                truth.write(f"{name}\t{line_no}\t{entity}\n")
            else:
                text = noise_text(r, ts)
            event["text"] = text
            event["confidence"] = round(r.random(), 3)
            f.write(json.dumps(event, ensure_ascii=False) + "\n")


def write_transcript(path, size, r, truth, name):
    line_no = 0
    with open(path, "w", buffering=1 << 20) as f:
        while f.tell() < size:
            line_no += 1
            speaker = r.choice(["KUNDE", "CUSTOMER", "BOT", "AGENT"])
            stamp = f"[2026-11-03 {r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}]"
            if r.random() < 0.02:
                entity, text = plant(r)
                truth.write(f"{name}\t{line_no}\t{entity}\n")
            else:
                text = noise_text(r, 1762161242000 + line_no)
            f.write(f"{stamp} {speaker}: {text}\n")


class ListWriter:
    def __init__(self, lines):
        self.lines = lines

    def write(self, line):
        self.lines.append(line)


def main():
    out = sys.argv[1]
    megabytes = int(sys.argv[2]) if len(sys.argv) > 2 else 1100
    os.makedirs(out, exist_ok=True)
    r = random.Random(42)
    files = 8
    log_size = megabytes * (1 << 20) * 3 // 4 // files
    transcript_size = megabytes * (1 << 20) // 4 // files
    distinct = 2
    with open(os.path.join(out, "truth.tsv"), "w") as truth:
        for kind, write, size in (("chat-{:02d}.jsonl", write_jsonl, log_size),
                                  ("transcript-{:02d}.txt", write_transcript, transcript_size)):
            shard_truth = []
            for i in range(distinct):
                name = kind.format(i)
                lines = []
                write(os.path.join(out, name), size, r, ListWriter(lines), name)
                shard_truth.append(lines)
            for i in range(files):
                name = kind.format(i)
                if i >= distinct:
                    shutil.copyfile(os.path.join(out, kind.format(i % distinct)), os.path.join(out, name))
                for line in shard_truth[i % distinct]:
                    _, number, entity = line.split("\t")
                    truth.write(f"{name}\t{number}\t{entity}")


if __name__ == "__main__":
    main()
