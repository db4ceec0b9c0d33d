#!/usr/bin/env bash
# Re-extract every translatable string into companion.pot and merge it into each language's .po.
# Usage: bash translations/update.sh   (then translate the new entries in translations/cy/LC_MESSAGES/companion.po)
set -euo pipefail
cd "$(dirname "$0")/.."
PYBABEL=${PYBABEL:-pybabel}
[ -x .venv/bin/pybabel ] && PYBABEL=.venv/bin/pybabel
"$PYBABEL" extract -F babel.cfg -k _ -k N_ -k ngettext:1,2 -k pgettext:1c,2 -k qt_tr:1c,2 \
  --add-comments=Translators: --sort-by-file --project=Companion --version=0.1.0 \
  --copyright-holder="The Companion developers" -o translations/companion.pot companion
"$PYBABEL" update -i translations/companion.pot -d translations -D companion --no-fuzzy-matching --ignore-obsolete
# pybabel rewrites the Welsh plural header with its own rule; put back the 6 CLDR forms (tested).
python3 - <<'PY'
import pathlib, re
p = pathlib.Path("translations/cy/LC_MESSAGES/companion.po")
s = p.read_text(encoding="utf-8")
rule = r'"Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n==3 ? 3 : n==6 ? 4 : 5);\n"'
s = re.sub(r'"Plural-Forms: .*?\\n"', lambda _m: rule, s, count=1, flags=re.S)
p.write_text(s, encoding="utf-8")
PY
