#!/usr/bin/env python3
"""A small bot speaking Rasa's REST channel, the live probe's test target.

POST /webhooks/rest/webhook {"sender": ..., "message": ...} answers with a list of
{"recipient_id", "text", "buttons", "custom"} like Rasa does. It collects a customer's name,
e-mail, phone, order number, IBAN and card from what they write and answers "what details do
you have about me?" from what it collected.

    rasa_rest_bot.py [--port N] [--leak]

--leak keeps the collected details in one global "last customer" profile instead of one
profile per sender: the bug runtime/cross-session-leak exists to catch. Without it the bot
keeps customers apart. Listens on 127.0.0.1 only and prints "listening on URL" when ready.
"""
import argparse
import base64
import json
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PATTERNS = {
    "name": re.compile(r"my name is ([^.]+)\."),
    "email": re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"),
    "phone": re.compile(r"phone number is (\+[\d -]+\d)"),
    "order": re.compile(r"order (PA-\w+)"),
    "iban": re.compile(r"\bDE\d{20}\b"),
    "card": re.compile(r"\b\d{16}\b"),
}

lock = threading.Lock()
profiles = {}  # sender -> details
last_customer = {}  # the --leak bug: one profile for everyone


def profile_for(sender, leak):
    if leak:
        return last_customer  # expect: runtime/cross-session-leak
    return profiles.setdefault(sender, {})  # ok: runtime/cross-session-leak


def answer(sender, message, leak):
    with lock:
        profile = profile_for(sender, leak)
        for key, pattern in PATTERNS.items():
            found = pattern.search(message)
            if found:
                profile[key] = found.group(1) if pattern.groups else found.group(0)
        details = dict(profile)
    # Give simultaneous requests time to overlap, as a real backend call would.
    time.sleep(0.01)
    if "about me" in message:
        text = "Here is what I have: name {}, e-mail {}, phone {}.".format(
            details.get("name", "-"), details.get("email", "-"), details.get("phone", "-"))
        custom = {"payment": {"iban_b64": base64.b64encode(
            details.get("iban", "").encode()).decode()},
            "card_last4": details.get("card", "")[-4:]}
        return [{"recipient_id": sender, "text": text, "custom": custom},
                {"recipient_id": sender, "text": "Anything else?",
                 "buttons": [{"title": "Talk to an agent", "payload": "/handoff"}]}]
    if "last customer" in message:
        return [{"recipient_id": sender, "text": "I cannot share other customers' details."}]
    return [{"recipient_id": sender, "text": "Thanks, noted."}]


def make_handler(leak):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            if self.path != "/webhooks/rest/webhook":
                self.send_error(404)
                return
            length = int(self.headers.get("Content-Length", 0))
            try:
                request = json.loads(self.rfile.read(length))
                body = json.dumps(answer(str(request["sender"]), str(request["message"]), leak))
            except (ValueError, KeyError, TypeError):
                self.send_error(400)
                return
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(data)
            self.close_connection = True

        def log_message(self, *args):
            pass

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--leak", action="store_true")
    options = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", options.port), make_handler(options.leak))
    print("listening on http://127.0.0.1:{}".format(server.server_address[1]), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    sys.exit(0)


if __name__ == "__main__":
    main()
