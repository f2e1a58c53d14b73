"""Build hooks (hatchling) that take everything from oauth_token.py itself.

The wheel installs oauth_token.py twice: as the module, and as the stub-only
package oauth_token-stubs/__init__.pyi. PEP 561 has no py.typed marker for a
single-file module, so without the stubs mypy takes the installed module as
untyped; the module, annotated throughout, is a valid stub of itself. The copy
is made at build time, so the project keeps one file.

The description is the first line of the module's docstring.
"""

import ast
import os
import shutil
import tempfile

from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.metadata.plugin.interface import MetadataHookInterface

MODULE = "oauth_token.py"
STUBS = "oauth_token-stubs/__init__.pyi"


class StubsHook(BuildHookInterface):
    def initialize(self, version, build_data):
        self.stubs_dir = None
        # An editable install would keep a copy that the next edit makes wrong.
        if version == "editable":
            return
        # hatchling drops a file of the project that is force-included under
        # another name, and the module must stay: the stub is a copy from outside.
        self.stubs_dir = tempfile.mkdtemp(prefix="oauth_token-stubs-")
        stubs = os.path.join(self.stubs_dir, "__init__.pyi")
        shutil.copyfile(os.path.join(self.root, MODULE), stubs)
        build_data["force_include"][stubs] = STUBS

    def finalize(self, version, build_data, artifact_path):
        if self.stubs_dir is not None:
            shutil.rmtree(self.stubs_dir)


class DescriptionHook(MetadataHookInterface):
    def update(self, metadata):
        with open(os.path.join(self.root, MODULE), encoding="utf-8") as file:
            docstring = ast.get_docstring(ast.parse(file.read()))
        metadata["description"] = docstring.strip().splitlines()[0]
