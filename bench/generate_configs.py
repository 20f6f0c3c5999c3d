#!/usr/bin/env python3
"""Generates bot configurations of mixed platforms for the load benchmark.

Usage: generate_configs.py OUT_DIR [FILES] [SECRETS_PER_FILE]

Each file sits in its own bot folder and is, in turn, a Rasa endpoints.yml, a Bot Framework
appsettings.json, a LiteLLM proxy config.yaml, a Botpress botpress.config.json or a
Dialogflow CX agent.json, each holding SECRETS_PER_FILE credential-named keys with literal
values (config/secret-in-plaintext findings) besides the findings its platform's settings
bring. Doubling SECRETS_PER_FILE adds findings without adding files.
"""
import json
import os
import sys


def secret(file_index, j):
    return f"lit-{file_index:05d}-{j:03d}-q8Zr2vXw"


def rasa(i, k):
    keys = "".join(f'  api_key_{j}: "{secret(i, j)}"\n' for j in range(k))
    return "endpoints.yml", (
        "tracker_store:\n  type: redis\n  url: redis.internal\n  use_ssl: true\n"
        "  record_exp: 86400\n"
        'action_endpoint:\n  url: "https://actions.internal/webhook"\n' + keys)


def botframework(i, k):
    settings = {"MicrosoftAppId": f"4c2b6a1e-0000-4000-8000-{i:012d}", "MicrosoftAppPassword": ""}
    settings.update({f"ServiceApiKey{j}": secret(i, j) for j in range(k)})
    return "appsettings.json", json.dumps(settings, indent=2) + "\n"


def litellm(i, k):
    keys = "".join(f'  service_api_key_{j}: "{secret(i, j)}"\n' for j in range(k))
    return "config.yaml", (
        "model_list:\n  - model_name: gpt-4o\n    litellm_params:\n"
        "      model: openai/gpt-4o\n      api_key: os.environ/OPENAI_API_KEY\n"
        "general_settings:\n" + keys)


def botpress(i, k):
    config = {"httpServer": {"host": "localhost", "port": 3000}}
    config.update({f"apiKey{j}": secret(i, j) for j in range(k)})
    return "botpress.config.json", json.dumps(config, indent=2) + "\n"


def dialogflow_cx(i, k):
    agent = {"name": f"projects/p/locations/global/agents/a{i}", "displayName": "Support",
             "defaultLanguageCode": "en"}
    agent.update({f"apiKey{j}": secret(i, j) for j in range(k)})
    return "agent.json", json.dumps(agent, indent=2) + "\n"


PLATFORMS = [rasa, botframework, litellm, botpress, dialogflow_cx]


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    secrets = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    for i in range(count):
        name, text = PLATFORMS[i % len(PLATFORMS)](i, secrets)
        folder = os.path.join(out, f"bot-{i:05d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, name), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
