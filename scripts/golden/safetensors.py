"""Golden fixtures for src/engine/safetensors (spec: pytorch-semantics.md section 7).

The `safetensors` package is not installed here, so this script carries a Python
port of the reference Rust writer (`prepare`/`serialize`) and reader
(`read_metadata`/`Metadata::validate`). The writer is pinned by the spec's
verified output (the 328-byte header below) and by the crate's own unit-test
bytes; the reader cross-checks every fixture, valid or malformed, so a fixture
whose expected outcome is wrong cannot be written. Tensor bytes come from torch
(numpy for the unsigned dtypes torch 1.13 lacks), and expected values are
torch's own conversion, so the TypeScript `toFloat32`/`toFloat64` are checked
against PyTorch rounding.
"""
import base64
import json
import struct
import sys

import numpy as np
import torch

from common import write_fixture

assert sys.byteorder == "little", "tensor bytes are taken from native memory"

# Enum order of safetensors' Rust `Dtype` (ascending) with each tag's size in bits.
DTYPES = [
    ("BOOL", 8), ("F4", 4), ("F6_E2M3", 6), ("F6_E3M2", 6), ("U8", 8), ("I8", 8),
    ("F8_E5M2", 8), ("F8_E4M3", 8), ("F8_E8M0", 8), ("F8_E4M3FNUZ", 8), ("F8_E5M2FNUZ", 8),
    ("I16", 16), ("U16", 16), ("F16", 16), ("BF16", 16), ("I32", 32), ("U32", 32),
    ("F32", 32), ("C64", 64), ("F64", 64), ("I64", 64), ("U64", 64),
]
RANK = {tag: i for i, (tag, _) in enumerate(DTYPES)}
BITS = dict(DTYPES)
TORCH_TAG = {
    torch.float32: "F32", torch.float64: "F64", torch.float16: "F16", torch.bfloat16: "BF16",
    torch.int64: "I64", torch.int32: "I32", torch.int16: "I16", torch.int8: "I8",
    torch.uint8: "U8", torch.bool: "BOOL",
}
NUMPY_TAG = {np.dtype("uint16"): "U16", np.dtype("uint32"): "U32", np.dtype("uint64"): "U64"}
MAX_HEADER_SIZE = 100_000_000
U64_MAX = 2**64 - 1

SPEC_HEADER = (
    '{"__metadata__":{"format":"pt"},"step":{"dtype":"I64","shape":[],"data_offsets":[0,8]},'
    '"0.bias":{"dtype":"F32","shape":[2],"data_offsets":[8,16]},'
    '"0.weight":{"dtype":"F32","shape":[2,3],"data_offsets":[16,40]},'
    '"e":{"dtype":"F32","shape":[0,3],"data_offsets":[40,40]},'
    '"h":{"dtype":"F16","shape":[3],"data_offsets":[40,46]}}'
)


def jstr(s):
    # serde_json escapes exactly what json.dumps does with ensure_ascii=False.
    return json.dumps(s, ensure_ascii=False)


def numel(shape):
    n = 1
    for d in shape:
        n *= d
    return n


# ---------------------------------------------------------------- reference writer

def serialize(entries, metadata=None):
    """entries: [(name, tag, shape, raw bytes)] -> file bytes, as safetensors' `serialize`."""
    names = [e[0] for e in entries]
    assert len(set(names)) == len(names), "duplicate names"
    # Rust sorts by dtype descending, then by the name's UTF-8 bytes.
    ordered = sorted(entries, key=lambda e: (-RANK[e[1]], e[0].encode("utf-8")))
    parts = []
    if metadata is not None:
        # Rust serialises a HashMap (arbitrary order); sorting keeps fixtures stable.
        body = ",".join(f"{jstr(k)}:{jstr(v)}" for k, v in sorted(metadata.items()))
        parts.append('"__metadata__":{' + body + "}")
    offset = 0
    for name, tag, shape, data in ordered:
        assert numel(shape) * BITS[tag] == 8 * len(data), name
        dims = ",".join(str(d) for d in shape)
        parts.append(f'{jstr(name)}:{{"dtype":"{tag}","shape":[{dims}],'
                     f'"data_offsets":[{offset},{offset + len(data)}]}}')
        offset += len(data)
    header = ("{" + ",".join(parts) + "}").encode("utf-8")
    header += b" " * ((8 - len(header) % 8) % 8)
    return struct.pack("<Q", len(header)) + header + b"".join(e[3] for e in ordered)


def raw_file(header, data=b"", pad=True):
    """A hand-made file: `header` (str or bytes) with an honest length prefix."""
    if isinstance(header, str):
        header = header.encode("utf-8")
    if pad:
        header += b" " * ((8 - len(header) % 8) % 8)
    return struct.pack("<Q", len(header)) + header + data


# ---------------------------------------------------------------- reference reader

class Refused(Exception):
    def __init__(self, kind):
        super().__init__(kind)
        self.kind = kind


def _usize(v):
    if type(v) is not int or v < 0 or v > U64_MAX:
        raise Refused("InvalidHeaderDeserialization")
    return v


def _utf8(s):
    try:
        s.encode("utf-8")  # a lone surrogate escape is no Rust String
    except UnicodeEncodeError:
        raise Refused("InvalidHeaderDeserialization")
    return s


def _reject_constant(_name):
    raise ValueError("NaN/Infinity are not JSON")


def _last_wins(pairs):
    # serde flattens into a HashMap: a repeated key silently replaces the earlier one.
    return {_utf8(k): v for k, v in pairs}


def read(buf):
    """safetensors' `read_metadata`: (metadata, {name: (tag, shape, bytes)}) or Refused(kind)."""
    if len(buf) < 8:
        raise Refused("HeaderTooSmall")
    n = struct.unpack("<Q", buf[:8])[0]
    if n > MAX_HEADER_SIZE:
        raise Refused("HeaderTooLarge")
    if 8 + n > len(buf):
        raise Refused("InvalidHeaderLength")
    try:
        text = buf[8:8 + n].decode("utf-8")
    except UnicodeDecodeError:
        raise Refused("InvalidHeader")
    try:
        doc = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_last_wins)
    except ValueError:
        raise Refused("InvalidHeaderDeserialization")
    if not isinstance(doc, dict):
        raise Refused("InvalidHeaderDeserialization")
    metadata = doc.pop("__metadata__", None)
    if metadata is not None:
        if not isinstance(metadata, dict) or any(type(v) is not str for v in metadata.values()):
            raise Refused("InvalidHeaderDeserialization")
        for v in metadata.values():
            _utf8(v)
    infos = []
    for name, info in doc.items():
        if not isinstance(info, dict) or not {"dtype", "shape", "data_offsets"} <= info.keys():
            raise Refused("InvalidHeaderDeserialization")
        tag, shape, offsets = info["dtype"], info["shape"], info["data_offsets"]
        if type(tag) is not str or tag not in BITS:
            raise Refused("InvalidHeaderDeserialization")
        if not isinstance(shape, list) or not isinstance(offsets, list) or len(offsets) != 2:
            raise Refused("InvalidHeaderDeserialization")
        infos.append((name, tag, [_usize(d) for d in shape], (_usize(offsets[0]), _usize(offsets[1]))))
    infos.sort(key=lambda t: t[3])  # stable, like Rust's sort_by on data_offsets
    start = 0
    for name, tag, shape, (s, e) in infos:
        if s != start or e < s:
            raise Refused("InvalidOffset")
        start = e
        count = 1
        for d in shape:
            count *= d
            if count > U64_MAX:
                raise Refused("ValidationOverflow")
        nbits = count * BITS[tag]
        if nbits > U64_MAX:
            raise Refused("ValidationOverflow")
        if nbits % 8 != 0:
            raise Refused("MisalignedSlice")
        if e - s != nbits // 8:
            raise Refused("TensorInvalidInfo")
    if start + 8 + n != len(buf):
        raise Refused("MetadataIncompleteBuffer")
    data = buf[8 + n:]
    return metadata, {name: (tag, shape, data[s:e]) for name, tag, shape, (s, e) in infos}


# ---------------------------------------------------------------- tensors and cases

def b64(data):
    return base64.b64encode(data).decode("ascii")


def torch_entry(name, t):
    t = t.detach().contiguous()
    tag = TORCH_TAG[t.dtype]
    # numpy has no bfloat16; reinterpreting keeps the bytes.
    host = t.view(torch.int16) if t.dtype == torch.bfloat16 else t
    return (name, tag, list(t.shape), host.numpy().tobytes(),
            t.to(torch.float32).reshape(-1).tolist(), t.to(torch.float64).reshape(-1).tolist())


def numpy_entry(name, a):
    a = np.ascontiguousarray(a)
    return (name, NUMPY_TAG[a.dtype], list(a.shape), a.tobytes(),
            a.astype(np.float32).reshape(-1).tolist(), a.astype(np.float64).reshape(-1).tolist())


def bits16(dtype, words):
    return torch.tensor(words, dtype=torch.int32).to(torch.int16).view(dtype)


def valid_case(name, file_bytes, full, writer, note):
    """`full` holds the entries with expected values; the reference reader must agree."""
    metadata, tensors = read(file_bytes)
    listed = []
    for ename, tag, shape, data, f32, f64 in sorted(full, key=lambda e: e[0].encode("utf-8")):
        assert tensors[ename] == (tag, shape, data), (name, ename)
        listed.append({"name": ename, "dtype": tag, "shape": shape, "bytes": b64(data),
                       "float32": f32, "float64": f64})
    assert len(listed) == len(tensors), name
    return {"name": name, "note": note, "writer": writer, "metadata": metadata,
            "file": b64(file_bytes), "tensors": listed}


def writer_case(name, full, metadata, note):
    raw = [e[:4] for e in full]
    return valid_case(name, serialize(raw, metadata), full, True, note)


def reference_mixed():
    torch.manual_seed(0)
    full = [
        torch_entry("step", torch.tensor(7, dtype=torch.int64)),
        torch_entry("0.bias", torch.randn(2)),
        torch_entry("0.weight", torch.randn(2, 3)),
        torch_entry("e", torch.zeros(0, 3)),
        torch_entry("h", torch.tensor([0.5, -2.0, 65504.0], dtype=torch.float16)),
    ]
    data = serialize([e[:4] for e in full], {"format": "pt"})
    n = struct.unpack("<Q", data[:8])[0]
    assert n == 328, n
    assert data[8:8 + n] == (SPEC_HEADER + " " * (328 - len(SPEC_HEADER))).encode("ascii")
    return valid_case("reference_mixed", data, full, True,
                      "spec 7.2 verified output of safetensors.numpy.save(..., metadata={'format': 'pt'})")


def crate_unit_tests():
    """The byte strings asserted by tensor.rs's own tests (test_empty, test_serialization_forced_alignement)."""
    empty = serialize([])
    assert empty == bytes([8, 0, 0, 0, 0, 0, 0, 0, 123, 125] + [32] * 6)
    framework = serialize([], {"framework": "pt"})
    assert framework == struct.pack("<Q", 40) + b'{"__metadata__":{"framework":"pt"}}' + b" " * 5
    attn = torch_entry("attn0", torch.arange(6, dtype=torch.float32).reshape(1, 1, 2, 3))
    aligned = serialize([attn[:4]])
    assert aligned[:8] == struct.pack("<Q", 72)
    assert aligned[8:80].endswith(b"}}" + b" " * 7)
    return [
        valid_case("crate_empty", empty, [], True, "tensor.rs test_empty, no metadata"),
        valid_case("crate_empty_metadata", framework, [], True, "tensor.rs test_empty with metadata"),
        valid_case("crate_forced_alignment", aligned, [attn], True, "tensor.rs test_serialization_forced_alignement"),
    ]


def sequential():
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 1))
    full = [torch_entry(k, v) for k, v in model.state_dict().items()]
    return writer_case("sequential", full, {"format": "pt"},
                       "Sequential(Linear(4,8), ReLU(), Linear(8,1)) state_dict after manual_seed(0)")


def dtypes():
    full = [
        torch_entry("scalar", torch.tensor(3.25)),
        torch_entry("empty", torch.zeros(0, 3)),
        torch_entry("empty_i64", torch.zeros(2, 0, dtype=torch.int64)),
        torch_entry("f64", torch.tensor([
            0.1, 1 / 3, -2.5, 1e300, -1e300, 1e-46, 1.5e-45, 3.4028235677973366e38,
            3.4028235677973362e38, float("nan"), -0.0, float("inf"), -float("inf")], dtype=torch.float64)),
        torch_entry("f16", bits16(torch.float16, [
            0x0000, 0x8000, 0x0001, 0x03FF, 0x0400, 0x3C00, 0xBC00, 0x3555, 0x7BFF, 0x7C00, 0xFC00, 0x7E00, 0xFE01])),
        torch_entry("bf16", bits16(torch.bfloat16, [
            0x0000, 0x8000, 0x0001, 0x007F, 0x3F80, 0xC0A0, 0x3EAB, 0x7F7F, 0x7F80, 0xFF80, 0x7FC0]).reshape(11, 1)),
        torch_entry("i64", torch.tensor([
            0, 1, -1, 2**24 + 1, 2**24 + 3, 2**53 + 1, 2**63 - 1, -2**63,
            2**60 + 2**36 + 1,  # double rounding (via float64) would give 2**60
            2**60 + 2**37 + 2**36, -(2**60 + 2**36 + 1), 2**62 - 1], dtype=torch.int64)),
        torch_entry("i32", torch.tensor([[2**31 - 1, -2**31, 16777217], [16777219, -16777217, 7]], dtype=torch.int32)),
        torch_entry("i16", torch.tensor([-32768, 32767, -1, 0], dtype=torch.int16)),
        torch_entry("i8", torch.tensor([-128, 127, -1], dtype=torch.int8)),
        torch_entry("u8", torch.tensor([0, 255, 128], dtype=torch.uint8)),
        torch_entry("bool", torch.tensor([True, False, True])),
        numpy_entry("u16", np.array([0, 65535, 1234], dtype=np.uint16)),
        numpy_entry("u32", np.array([0, 2**32 - 1, 16777217], dtype=np.uint32)),
        numpy_entry("u64", np.array([0, 2**64 - 1, 2**53 + 1, 2**60 + 2**36 + 1, 2**63], dtype=np.uint64)),
    ]
    return writer_case("dtypes", full, None, "one tensor per torch dtype, a 0-d and two empty tensors, no metadata")


def reader_tolerance():
    a = torch_entry("a", torch.tensor([1.0, 2.0]))
    b = torch_entry("b", torch.tensor([[3.0], [4.0]], dtype=torch.float64))
    data = a[3] + b[3]
    a_json = '"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}'
    b_json = '"b":{"dtype":"F64","shape":[2,1],"data_offsets":[8,24]}'
    unpadded = "{" + a_json + "," + b_json + "}"
    assert len(unpadded) % 8 != 0
    return [
        valid_case("unpadded", raw_file(unpadded, data, pad=False), [a, b], False,
                   "header not padded to 8 bytes (accepted by the reader)"),
        valid_case("leading_spaces", raw_file("    {" + a_json + "," + b_json + "}", data), [a, b], False,
                   "leading spaces before the JSON object"),
        valid_case("whitespace_everywhere", raw_file("\n{ " + a_json.replace(":", " : ") + " ,\r\n\t" + b_json + " }\n", data),
                   [a, b], False, "JSON whitespace between tokens"),
        valid_case("offsets_out_of_header_order", raw_file("{" + b_json + "," + a_json + "}", data), [a, b], False,
                   "entries listed in another order than their data_offsets"),
        valid_case("metadata_null", raw_file('{"__metadata__":null,' + a_json + "}", a[3]), [a], False,
                   "__metadata__ null means no metadata"),
        valid_case("unicode_names", raw_file('{"\u00e9\\u00e8":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}', a[3]),
                   [("\u00e9\u00e8",) + a[1:]], False, "raw and escaped non-ASCII in a tensor name"),
    ]


def malformed():
    f32 = '{"dtype":"F32","shape":[1],"data_offsets":[%d,%d]}'
    one = struct.pack("<f", 1.0)

    def tensors(*pairs):
        return "{" + ",".join(f'"{k}":{v}' for k, v in pairs) + "}"

    huge_header = '{"w":{"dtype":"F32","shape":[1099511627776],"data_offsets":[0,4398046511104]}}'
    huge = raw_file(huge_header.ljust(92), pad=False)
    assert len(huge) == 100
    huge_short = raw_file('{"w":{"dtype":"F32","shape":[1099511627776],"data_offsets":[0,4]}}'.ljust(88), one, pad=False)
    assert len(huge_short) == 100
    cases = [
        ("header_too_small", b"\x01\x02\x03", "HeaderTooSmall", None),
        ("empty_input", b"", "HeaderTooSmall", None),
        ("header_too_large", struct.pack("<Q", MAX_HEADER_SIZE + 1) + b"{}      ", "HeaderTooLarge", None),
        ("header_length_u64_max", struct.pack("<Q", U64_MAX) + b"{}      ", "HeaderTooLarge", None),
        ("header_longer_than_file", struct.pack("<Q", 100) + b"{}      ", "InvalidHeaderLength", None),
        ("invalid_utf8", raw_file(b'{"\xff":1}'), "InvalidHeader", "invalid UTF-8 in header"),
        ("truncated_json", raw_file('{"a":'), "InvalidHeaderDeserialization", "invalid JSON in header"),
        ("trailing_characters", raw_file("{} x"), "InvalidHeaderDeserialization", "invalid JSON in header"),
        ("nul_padding", raw_file(b"{}\x00\x00\x00\x00\x00\x00", pad=False), "InvalidHeaderDeserialization", None),
        ("nan_literal", raw_file('{"__metadata__":{"x":NaN}}'), "InvalidHeaderDeserialization", None),
        ("header_not_object", raw_file("[]"), "InvalidHeaderDeserialization", "expected a map"),
        ("header_is_string", raw_file('"x"'), "InvalidHeaderDeserialization", "expected a map"),
        ("metadata_not_string", raw_file('{"__metadata__":{"x":1}}'), "InvalidHeaderDeserialization",
         "invalid type: integer `1`, expected a string"),
        ("metadata_not_object", raw_file('{"__metadata__":"pt"}'), "InvalidHeaderDeserialization",
         'invalid type: string "pt", expected a map'),
        ("unknown_dtype", raw_file(tensors(("a", '{"dtype":"F99","shape":[1],"data_offsets":[0,4]}')), one),
         "InvalidHeaderDeserialization", "unknown variant `F99`"),
        ("entry_not_object", raw_file('{"a":[0,4]}', one), "InvalidHeaderDeserialization", "expected struct TensorInfo"),
        ("missing_dtype", raw_file('{"a":{"shape":[1],"data_offsets":[0,4]}}', one), "InvalidHeaderDeserialization",
         "missing field `dtype`"),
        ("missing_data_offsets", raw_file('{"a":{"dtype":"F32","shape":[1]}}', one), "InvalidHeaderDeserialization",
         "missing field `data_offsets`"),
        ("negative_shape", raw_file('{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}', one),
         "InvalidHeaderDeserialization", "invalid value: integer `-1`, expected usize"),
        ("fractional_shape", raw_file('{"a":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}}', one),
         "InvalidHeaderDeserialization", "invalid type: floating point `1.5`, expected usize"),
        ("shape_not_array", raw_file('{"a":{"dtype":"F32","shape":1,"data_offsets":[0,4]}}', one),
         "InvalidHeaderDeserialization", None),
        ("string_offset", raw_file('{"a":{"dtype":"F32","shape":[1],"data_offsets":["0",4]}}', one),
         "InvalidHeaderDeserialization", None),
        ("offsets_too_short", raw_file('{"a":{"dtype":"F32","shape":[1],"data_offsets":[4]}}', one),
         "InvalidHeaderDeserialization", None),
        ("offsets_too_long", raw_file('{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4,4]}}', one),
         "InvalidHeaderDeserialization", None),
        ("lone_surrogate_name", raw_file('{"\\ud800":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}', one),
         "InvalidHeaderDeserialization", None),
        ("gap", raw_file(tensors(("a", f32 % (0, 4)), ("b", f32 % (8, 12))), one * 3), "InvalidOffset",
         "invalid offset for tensor `b`"),
        ("overlap", raw_file(tensors(("a", '{"dtype":"F32","shape":[2],"data_offsets":[0,8]}'), ("b", f32 % (4, 8))),
                             one * 2), "InvalidOffset", "invalid offset for tensor `b`"),
        ("duplicate_key", raw_file(tensors(("a", f32 % (0, 4)), ("b", f32 % (4, 8)), ("b", f32 % (8, 12))), one * 3),
         "InvalidOffset", "invalid offset for tensor `b`"),
        ("same_offsets", raw_file(tensors(("a", f32 % (0, 4)), ("b", f32 % (0, 4))), one), "InvalidOffset",
         "invalid offset for tensor `b`"),
        ("not_from_zero", raw_file(tensors(("a", f32 % (4, 8))), one * 2), "InvalidOffset",
         "invalid offset for tensor `a`"),
        ("end_before_begin", raw_file(tensors(("a", f32 % (0, 4)), ("b", '{"dtype":"F32","shape":[0],"data_offsets":[4,0]}')),
                                      one), "InvalidOffset", "invalid offset for tensor `b`"),
        ("size_mismatch", raw_file(tensors(("a", '{"dtype":"F32","shape":[2],"data_offsets":[0,4]}')), one),
         "TensorInvalidInfo", "invalid shape, data type, or offset for tensor"),
        ("misaligned_f4", raw_file(tensors(("a", '{"dtype":"F4","shape":[3],"data_offsets":[0,2]}')), b"\x00\x00"),
         "MisalignedSlice", None),
        ("shape_overflow", raw_file(tensors(("a", '{"dtype":"F32","shape":[4294967296,4294967296,4294967296],'
                                                  '"data_offsets":[0,4]}')), one), "ValidationOverflow", None),
        ("trailing_bytes", raw_file(tensors(("a", f32 % (0, 4))), one + b"\x00"), "MetadataIncompleteBuffer",
         "incomplete metadata, file not fully covered"),
        ("truncated_data", raw_file(tensors(("a", '{"dtype":"F32","shape":[2],"data_offsets":[0,8]}')), one),
         "MetadataIncompleteBuffer", "incomplete metadata, file not fully covered"),
        ("data_without_tensors", raw_file("{}", one), "MetadataIncompleteBuffer", None),
        ("huge_tensor_small_file", huge, "MetadataIncompleteBuffer", None),
        ("huge_tensor_short_offsets", huge_short, "TensorInvalidInfo", None),
    ]
    out = []
    for name, data, kind, message in cases:
        try:
            read(data)
        except Refused as e:
            assert e.kind == kind, (name, e.kind, kind)
        else:
            raise AssertionError(f"{name} was accepted")
        out.append({"name": name, "file": b64(data), "kind": kind, "message": message})
    return out


def main():
    valid = [reference_mixed(), *crate_unit_tests(), sequential(), dtypes(), *reader_tolerance()]
    write_fixture("safetensors", {"valid": valid, "malformed": malformed()})


if __name__ == "__main__":
    main()
