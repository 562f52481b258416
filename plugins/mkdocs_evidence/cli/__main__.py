"""``python -m mkdocs_evidence.cli``."""

import sys

from . import main

sys.exit(main())
