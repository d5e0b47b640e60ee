"""The oracle of FieldScreen's XLSForm tests: converts each form named on the command line with
pyxform (installed by scripts/setup-system.sh) and prints one JSON line per form,
{"form": path, "ok": true} or {"form": path, "ok": false, "error": "..."}.
The first line names pyxform's version."""

import json
import sys

import pyxform
from pyxform.xls2xform import convert

print(json.dumps({"pyxform": getattr(pyxform, "__version__", "unknown")}))
for path in sys.argv[1:]:
    try:
        convert(xlsform=path, validate=False)
        print(json.dumps({"form": path, "ok": True}))
    except Exception as e:  # pyxform signals a bad form with several exception types
        print(json.dumps({"form": path, "ok": False, "error": str(e)[:400]}))
