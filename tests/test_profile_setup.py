"""First-run answers without the dialog: what is accepted, tidied and refused."""

from __future__ import annotations

import pytest

from observe.errors import UsageError
from observe.profile_setup import (
    COACH_NAME,
    apply_welcome,
    check_welcome,
    needs_welcome,
    normalize_server_address,
    skip_welcome,
)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("", None),
        ("   ", None),
        ("observe.school.org", "https://observe.school.org"),
        ("http://10.0.0.5:8000/", "http://10.0.0.5:8000"),
        ("https://sync.district.k12.us/observe", "https://sync.district.k12.us/observe"),
    ],
)
def test_server_addresses_are_tidied(typed, stored):
    assert normalize_server_address(typed) == stored


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("ftp://files.school.org", "is not a server address Observe can use"),
        ("https://", "is not a server address Observe can use"),
        ("my school server", "is not a server address Observe can use"),
        ("https://observe.school.org/?user=ana", "without ? or #"),
    ],
)
def test_server_addresses_that_cannot_work_get_a_sentence(typed, sentence):
    with pytest.raises(UsageError) as caught:
        normalize_server_address(typed)
    assert sentence in caught.value.sentence


def test_names_are_required_and_bounded():
    with pytest.raises(UsageError, match="Type the name of your school"):
        check_welcome("Ana", " ")
    with pytest.raises(UsageError, match="longer than 200 characters"):
        check_welcome("A" * 201, "Riverside")
    assert check_welcome(" Ana\tRuiz ", "River  side").name == "Ana Ruiz"


def test_a_profile_is_welcomed_once(store):
    assert needs_welcome(store)
    apply_welcome(store, check_welcome("Ana Ruiz", "Riverside"))
    assert not needs_welcome(store)
    assert store.setting(COACH_NAME) == "Ana Ruiz"


def test_a_profile_with_a_name_already_set_is_not_welcomed(store):
    store.set_setting(COACH_NAME, "Ana Ruiz")  # e.g. typed into the report settings first
    assert not needs_welcome(store)


def test_skipping_is_remembered(store):
    skip_welcome(store)
    assert not needs_welcome(store)
