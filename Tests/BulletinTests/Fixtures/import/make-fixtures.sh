#!/bin/sh
# Remakes the .docx and .pdf fixtures of the import tests from the seed texts, with LibreOffice
# (Debian: libreoffice-writer-nogui). Each line of the text becomes a paragraph of the document.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/../seeds/003_3b6f2a48eb26d9e1.txt" "$work/seed-003.txt"
cp "$here/../seeds/002_156afe44fd8357ab.txt" "$work/seed-002.txt"
cd "$work"
soffice --headless --infilter="Text (encoded):UTF8,LF,,," --convert-to docx seed-003.txt >/dev/null
soffice --headless --infilter="Text (encoded):UTF8,LF,,," --convert-to pdf seed-002.txt >/dev/null
cp seed-003.docx seed-002.pdf "$here/"
echo "wrote $here/seed-003.docx and $here/seed-002.pdf"
