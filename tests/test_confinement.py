"""Confinement of the input folder and cheap scans: only regular files inside the input folder
are read, every other file ends as a rejection whose reason says what is true, and a file that
has not changed since the last publish is not read again."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline import etl, state, storage
from pipeline.read import read_document

COMMUNIQUE = ("Le préfet de l'Aube annonce la labellisation du territoire d'industrie "
              "« Exemple » (10 - Aube).\n")


def write(folder: Path, name: str, text: str = COMMUNIQUE) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def reasons(inventory: state.Inventory) -> dict[str, str]:
    return {notice["source"]: notice["reason"] for notice in inventory.notices()}


@pytest.fixture
def folder(tmp_path) -> Path:
    inputs = tmp_path / "inputs"
    write(inputs, "bon.txt")
    return inputs


def test_a_link_leading_outside_is_rejected_naming_its_target(folder):
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    inventory = state.scan(folder)
    assert list(inventory.documents.values())[0].source == "bon.txt"
    assert len(inventory.documents) == 1
    reason = reasons(inventory)["passwd.txt"]
    assert "symbolic link to /etc/passwd, outside the input folder" in reason
    assert "root:" not in json.dumps(inventory.notices())


def test_a_link_to_a_folder_outside_is_rejected_and_its_files_not_read(folder, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    write(elsewhere, "secret.txt", "confidentiel")
    (folder / "partage").symlink_to(elsewhere, target_is_directory=True)
    inventory = state.scan(folder)
    assert [f.source for f in inventory.files] == ["bon.txt", "partage"]
    assert f"symbolic link to {elsewhere}, outside the input folder" in reasons(inventory)["partage"]


def test_a_link_inside_the_folder_is_read_as_the_file_it_leads_to(folder):
    (folder / "lien.txt").symlink_to(folder / "bon.txt")
    inventory = state.scan(folder)
    assert [f.source for f in inventory.documents.values()] == ["bon.txt"]
    assert reasons(inventory) == {
        "lien.txt": "same content as bon.txt; it is processed once under that name"}


def test_a_link_loop_is_called_a_loop(folder):
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    found = reasons(state.scan(folder))
    assert "symbolic link that leads back to itself" in found["a.txt"] and "loop" in found["a.txt"]
    assert "permissions" not in found["a.txt"]


def test_a_dangling_link_names_its_missing_target(folder):
    (folder / "casse.txt").symlink_to(folder / "parti.txt")
    assert f"symbolic link to {folder / 'parti.txt'}, which does not exist" in \
        reasons(state.scan(folder))["casse.txt"]


def test_a_named_pipe_is_rejected_without_blocking_the_scan(folder):
    os.mkfifo(folder / "tube.txt")
    assert "it is a named pipe, not a regular file" in reasons(state.scan(folder))["tube.txt"]


def test_empty_files_are_each_empty_not_copies_of_one_another(folder):
    write(folder, "vide.txt", "")
    write(folder, "vide-aussi.txt", "")
    found = reasons(state.scan(folder))
    assert found["vide.txt"] == found["vide-aussi.txt"] == (
        "file is empty; export the communiqué again or remove the file")


def test_the_output_folder_is_never_scanned_wherever_it_is(folder):
    output = folder / "sortie"
    storage.publish(output, {"documents": []}, state.State("v", {}, {}))
    write(output / "quality" / "data_docs", "index.html", "<html><body>Data Docs</body></html>")
    assert [f.source for f in state.scan(folder, output).files] == ["bon.txt"]
    # a folder holding a publish of another run is left out too, whatever its name
    assert [f.source for f in state.scan(folder).files] == ["bon.txt"]
    with pytest.raises(state.UnusableInput, match="is an output folder of communiques"):
        state.scan(output)


def test_a_file_name_that_is_not_utf8_is_published_under_a_safe_name(folder):
    name = os.fsdecode(b"caf\xe9.txt")
    write(folder, name, COMMUNIQUE.replace("Exemple", "Autre"))
    inventory = state.scan(folder)
    assert sorted(f.source for f in inventory.files) == ["bon.txt", "caf\\xe9.txt"]
    batch = etl.read_documents(list(inventory.documents.values()))
    assert {d.row["status"] for d in batch.documents} == {"published"}
    storage.to_arrow("documents", [d.row for d in batch.documents])  # written as UTF-8
    json.dumps(inventory.seen, ensure_ascii=False).encode("utf-8")


def test_control_characters_never_reach_the_text(tmp_path):
    data = ("Titre\x00 du\x0ccommuniqué\x1b.\n" + COMMUNIQUE * 20).encode()  # a few in a text
    text = read_document(tmp_path / "c.txt", data).text
    assert text.startswith("Titre  du\ncommuniqué .\n")
    assert not any(char in text for char in "\x00\x0c\x1b")


def test_utf8_with_a_few_bad_bytes_is_text_not_binary(tmp_path):
    data = ("Le préfet de la région Grand Est annonce les lauréats. " * 20).encode()
    damaged = data[:100] + b"\xff\xfe" + data[100:]
    text = read_document(tmp_path / "c.txt", damaged).text
    assert "préfet" in text and "Ã" not in text and text.count("\ufffd") == 2


def test_an_unchanged_file_is_not_read_again(folder, monkeypatch):
    write(folder, "autre.txt", COMMUNIQUE.replace("Exemple", "Autre"))
    first = state.scan(folder)
    monkeypatch.setattr(state, "sha256_of", lambda path: pytest.fail(f"{path} was read"))
    again = state.hash_files(folder, state.discover(folder), seen=first.seen)
    assert again.inputs == first.inputs
    monkeypatch.undo()

    write(folder, "autre.txt", COMMUNIQUE.replace("Exemple", "Changé"))
    changed = state.hash_files(folder, state.discover(folder), seen=first.seen)
    assert changed.inputs["autre.txt"] != first.inputs["autre.txt"]
    assert changed.inputs["bon.txt"] == first.inputs["bon.txt"]


def test_a_scan_remembers_what_the_last_publish_saw(folder, tmp_path, monkeypatch):
    output = tmp_path / "output"
    inventory = state.scan(folder, output)
    storage.publish(output, {"documents": []},
                    state.State("v", inventory.inputs, {}, seen=inventory.seen))
    monkeypatch.setattr(state, "sha256_of", lambda path: pytest.fail(f"{path} was read"))
    assert state.scan(folder, output).inputs == inventory.inputs
