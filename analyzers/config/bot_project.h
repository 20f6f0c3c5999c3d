#pragma once

#include "analyzers/config/config_file.h"

#include <string>
#include <vector>

namespace privaudit::config {

// The files of one bot, considered together by project-level rules (is there a hand-off
// anywhere in this bot? does any response say it is a bot?).
struct BotProject {
    Platform platform = Platform::GenericYaml;
    std::string root;                     // the bot's folder
    std::vector<const ConfigFile*> files; // sorted by path
};

// Groups files by platform and project folder: the nearest folder at or above a file that
// holds one of its platform's project files (Rasa config.yml/domain.yml/endpoints.yml,
// Dialogflow agent.json, Lex Bot.json or Manifest.json, Bot Framework appsettings.json or a
// .botproj); else the file's own folder (Connect flows and Genesys flows of one folder are
// one contact center). Files of unrecognized platforms form no project.
std::vector<BotProject> groupIntoProjects(const std::vector<ConfigFile>& files);

} // namespace privaudit::config
