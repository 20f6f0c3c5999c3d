# Writes privaudit.1 from the --help output of the program and of each of its commands, so
# the man page says exactly what --help says.
# Usage: cmake -DPRIVAUDIT=path/to/privaudit -DOUTPUT=privaudit.1 -DVERSION=x.y.z -P man_page.cmake
function(help_text out)
    execute_process(COMMAND ${PRIVAUDIT} ${ARGN} --help OUTPUT_VARIABLE text RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "privaudit ${ARGN} --help failed")
    endif()
    # roff: a backslash is written \e, a line starting with . or ' needs a zero-width escape.
    string(REPLACE "\\" "\\e" text "${text}")
    string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

string(TIMESTAMP today "%Y-%m-%d" UTC)
help_text(overview)
set(page ".TH PRIVAUDIT 1 \"${today}\" \"privaudit ${VERSION}\" \"User Commands\"
.SH NAME
privaudit \\- privacy-risk auditor for contact-center chatbots
.SH SYNOPSIS
.B privaudit
\\fICOMMAND\\fR [\\fIOPTIONS\\fR]
.SH DESCRIPTION
.nf
${overview}.fi
")
foreach(command scan report merge lsp rules)
    help_text(text ${command})
    string(TOUPPER "${command}" title)
    string(APPEND page ".SH ${title}\n.nf\n${text}.fi\n")
endforeach()
string(APPEND page ".SH SEE ALSO
The rule catalogue and the user guide in /usr/share/doc/privaudit.
")
file(WRITE "${OUTPUT}" "${page}")
