"""The W3C's Nu HTML Checker (vnu.jar), run once over many files.

`make test` installs it from the npm package `vnu-jar` (package.json, package-lock.json);
it runs on the machine's Java (`apt-get install -y default-jre-headless`).
"""

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

VNU_JAR = Path(__file__).resolve().parents[1] / "node_modules/vnu-jar/build/dist/vnu.jar"
MISSING = {
    "java": "Java is missing, so the HTML checker cannot run: apt-get install -y "
    "default-jre-headless",
    "jar": f"The Nu HTML Checker is missing ({VNU_JAR}): run `make test`, or "
    "`npm ci --ignore-scripts` at the repository root",
}
# Far more than the checker needs for a hundred pages; a hung JVM must not hang the suite.
TIMEOUT_SECONDS = 300


@dataclass(frozen=True)
class Problem:
    file: Path
    line: int | None
    message: str
    extract: str


def missing_tool() -> str | None:
    """Why the checker cannot run here, or None when it can."""
    if shutil.which("java") is None:
        return MISSING["java"]
    if not VNU_JAR.is_file():
        return MISSING["jar"]
    return None


def _path_of(url: str) -> Path:
    # The checker names files as URLs: file:/tmp/pages/home.html
    return Path(unquote(urlsplit(url).path))


def check(files: list[Path]) -> list[Problem]:
    """Every error the checker finds in `files`, in one run of the JVM."""
    command = ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout"]
    result = subprocess.run(  # noqa: S603 - our own command line, no shell
        [*command, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(
            f"the HTML checker answered no report (exit {result.returncode}):\n"
            f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        ) from None
    # "error", and "non-document-error" when a file could not be read at all.
    return [
        Problem(
            file=_path_of(message.get("url", "")),
            line=message.get("lastLine"),
            message=message["message"],
            extract=message.get("extract", ""),
        )
        for message in report["messages"]
        if message["type"] != "info"
    ]
