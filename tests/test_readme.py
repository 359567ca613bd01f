"""The README's pack snippets are real packs: they load, and their samples pass."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.samples import check_file_rules

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```yaml\n(.*?)^```$", README, flags=re.M | re.S)
PACKS = [b for b in BLOCKS if re.search(r"^rules:", b, flags=re.M)]


def test_the_readme_has_a_pack_to_copy():
    assert PACKS, "the README's 'Writing rules' section shows a pack"


@pytest.mark.parametrize("block", PACKS, ids=[f"pack-{i}" for i in range(len(PACKS))])
def test_each_readme_pack_loads_and_passes_its_own_samples(block, tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(block, encoding="utf-8")
    ran, failures = check_file_rules(Cleaner(packs=[path]), path)
    assert ran > 0, "the README's rules carry samples"
    assert not failures, "\n".join(map(str, failures))
    # The commands the README gives for it agree.
    res = CliRunner().invoke(main, ["rules", "check", str(path)])
    assert res.exit_code == 0, res.output
    assert f"{ran} samples passed" in res.output
    res = CliRunner().invoke(main, ["rules", "test", str(path)])
    assert res.exit_code == 0, res.output
