"""The desktop integration files agree with each other and with the app, and the icons are the sizes stated."""

from __future__ import annotations

import configparser
import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

from companion import __version__
from companion.app import APP_ID

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo() -> ET.Element:
    return ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()


def test_one_id_for_the_desktop_file_metainfo_icon_and_app() -> None:
    entry, component = desktop_entry(), metainfo()
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == "companion"
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable[@type='desktop-id']") == f"{APP_ID}.desktop"
    assert component.findtext("provides/binary") == "companion"
    for script in ("companion.spec", "make_icons.py"):
        assert f'APP_ID = "{APP_ID}"' in (ROOT / "packaging" / script).read_text(encoding="utf-8")


def test_welsh_and_english_names_and_summaries() -> None:
    entry, component = desktop_entry(), metainfo()
    assert (entry["Name"], entry["Name[cy]"]) == ("Companion", "Cydymaith")
    assert entry["Comment[cy]"] and entry["GenericName[cy]"] and entry["Keywords[cy]"]
    names = {n.get(XML_LANG, "en"): n.text for n in component.findall("name")}
    assert names == {"en": "Companion", "cy": "Cydymaith"}
    summaries = {s.get(XML_LANG, "en") for s in component.findall("summary")}
    assert summaries == {"en", "cy"}
    paragraphs = {p.get(XML_LANG, "en") for p in component.findall("description/p")}
    assert paragraphs == {"en", "cy"}


def test_metainfo_release_is_this_version_and_screenshots_exist_in_docs() -> None:
    component = metainfo()
    assert component.find("releases/release").get("version") == __version__  # type: ignore[union-attr]
    images = component.findall("screenshots/screenshot/image")
    assert len(images) >= 8 and {i.get(XML_LANG, "en") for i in images} == {"en", "cy"}
    for url in (i.text or "" for i in images):
        assert url.startswith("https://")
        assert (ROOT / "docs" / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url


def test_linux_icons_at_every_standard_size() -> None:
    hicolor = LINUX / "icons" / "hicolor"
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        png = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(png.read_bytes()) == (size, size), png
    scalable = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == (ROOT / "resources" / "icons" / "companion.svg").read_bytes()


def test_windows_ico_holds_each_size_as_png() -> None:
    data = (ROOT / "packaging" / "windows" / "companion.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, height, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i : 22 + 16 * i])
        stated = width or 256
        assert height == width
        assert png_size(data[offset : offset + length]) == (stated, stated)
        sizes.append(stated)
    assert sizes == [16, 20, 24, 32, 40, 48, 64, 128, 256]


def test_macos_icns_holds_each_type_at_its_size() -> None:
    data = (ROOT / "packaging" / "macos" / "companion.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    expected = {b"icp4": 16, b"icp5": 32, b"ic11": 32, b"icp6": 64, b"ic12": 64, b"ic07": 128, b"ic08": 256,
                b"ic13": 256, b"ic09": 512, b"ic14": 512, b"ic10": 1024}
    found = {}
    at = 8
    while at < len(data):
        kind, length = data[at : at + 4], struct.unpack(">I", data[at + 4 : at + 8])[0]
        found[kind] = png_size(data[at + 8 : at + length])[0]
        at += length
    assert found == expected


def test_inno_setup_script_installs_per_user_in_welsh_and_english() -> None:
    iss = (ROOT / "packaging" / "windows" / "companion.iss").read_text(encoding="utf-8")
    assert re.search(r"^PrivilegesRequired=lowest$", iss, re.M)
    assert 'Name: "cy"; MessagesFile: "compiler:Default.isl,packaging\\windows\\Welsh.isl"' in iss
    assert iss.count(f'AppUserModelID: "{APP_ID}"') == 2  # the Start menu and the desktop shortcut
    welsh = (ROOT / "packaging" / "windows" / "Welsh.isl").read_text(encoding="utf-8-sig")
    assert "LanguageID=$0452" in welsh and "ButtonNext=&Nesaf >" in welsh
