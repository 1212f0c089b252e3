#!/usr/bin/env python3
"""check-ime-trace.py TRACE --moved DX,DY

Checks the --ime-trace file of tests/gui/ime.uis: each line is what imm32
held (read back) after one call of the client.

  window renderer=NAME                      first: the renderer the window got
  place caret=X,Y,H scale=S composition=OK:STYLE:X,Y candidate=OK:STYLE:X,Y
        exclude=L,T,R,B open=O conversion=OK:BITS origin=X,Y
  read open=O conversion=N                  the user's state, before a field's mode
  mode field=NAME want=O:N <held as above>   a field's mode set ("-": the user's back)
  moved <held as above>                      the window moved

The composition window must be at ImGui's caret (client pixels = caret x
scale), the candidate list at the foot of the caret's line with that line as
the area it must not cover; each field's input mode as the form's rule says;
the user's state back after the form; and after the window moved, the same
client positions on the screen moved with it.
"""
import argparse
import math
import sys

CFS_FORCE_POSITION = 0x20
CFS_EXCLUDE = 0x80
NATIVE, KATAKANA, FULLSHAPE = 0x1, 0x2, 0x8
OURS = NATIVE | KATAKANA | FULLSHAPE
# field -> (open, conversion bits of ours), None for "closed, bits unchanged"
MODES = {
    "applicant_name": (1, NATIVE | FULLSHAPE),
    "applicant_kana": (1, NATIVE | FULLSHAPE | KATAKANA),
    "user_id": None, "password": None, "email": None, "email_confirm": None,
    "phone": None, "office_number": None,
}

failures = []


def check(ok, line_no, what):
    if not ok:
        failures.append(f"line {line_no}: {what}")


def numbers(text):
    return [float(v) for v in text.split(",")]


def parse(line):
    kind, _, rest = line.partition(" ")
    if kind == "window":
        return kind, {"renderer": rest.partition("=")[2]}, {}
    fields = dict(item.split("=", 1) for item in rest.split())
    held = {}
    if "composition" in fields:
        ok, style, point = fields["composition"].split(":")
        held["composition"] = (int(ok), int(style, 16), tuple(int(v) for v in point.split(",")))
        ok, style, point = fields["candidate"].split(":")
        held["candidate"] = (int(ok), int(style, 16), tuple(int(v) for v in point.split(",")))
        held["exclude"] = tuple(int(v) for v in fields["exclude"].split(","))
        held["open"] = int(fields["open"])
        ok, bits = fields["conversion"].split(":")
        held["conversion"] = (int(ok), int(bits, 16))
        held["origin"] = tuple(int(v) for v in fields["origin"].split(","))
    return kind, fields, held


def lround(v):
    return int(math.floor(v + 0.5))


def expected_placement(caret, scale):
    x, y, h = caret
    left, top, bottom = lround(x * scale), lround(y * scale), lround((y + h) * scale)
    return (left, top), (left, bottom), (left, top, left + max(1, lround(scale)), bottom)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("trace")
    ap.add_argument("--moved", required=True, help="DX,DY the script moved the window by")
    args = ap.parse_args()
    move = tuple(int(v) for v in args.moved.split(","))
    with open(args.trace, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    check(lines, 0, "the trace is empty")

    renderer = "?"
    placements, heights, fields_seen, restores, moves, placed_after_move = 0, set(), set(), 0, 0, 0
    user_state = None        # the last state read before a field's mode
    origin = None            # the client area's origin on the screen
    last_composition = None  # the client point last placed
    for n, line in enumerate(lines, 1):
        kind, fields, held = parse(line)
        if held:
            if kind == "moved":
                moves += 1
                check(origin is not None and held["origin"] == (origin[0] + move[0], origin[1] + move[1]),
                      n, f"the window's origin {held['origin']} is not {origin} moved by {move}")
                # Client coordinates: the windows move with the window, at the same place in it.
                check(held["composition"][2] == last_composition, n,
                      f"after the move the composition is at {held['composition'][2]}, not {last_composition}")
            elif moves:
                check(held["origin"] == origin, n, f"the window's origin changed to {held['origin']} without a move")
            origin = held["origin"]
        if kind == "window":
            renderer = fields["renderer"]
        elif kind == "place":
            placements += 1
            placed_after_move += 1 if moves else 0
            caret = numbers(fields["caret"])
            heights.add(caret[2])
            composition, candidate, exclude = expected_placement(caret, float(fields["scale"]))
            check(held["composition"] == (1, CFS_FORCE_POSITION, composition), n,
                  f"composition window {held['composition']}, expected forced at the caret {composition}")
            check(held["candidate"] == (1, CFS_EXCLUDE, candidate), n,
                  f"candidate window {held['candidate']}, expected CFS_EXCLUDE at {candidate}")
            check(held["exclude"] == exclude, n, f"candidate exclusion {held['exclude']}, expected the line {exclude}")
            last_composition = composition
        elif kind == "read":
            user_state = (int(fields["open"]), int(fields["conversion"]))
        elif kind == "mode":
            field = fields["field"]
            check(held["conversion"][0] == 1, n, "the conversion status cannot be read back")
            held_state = (held["open"], held["conversion"][1])
            if field == "-":
                restores += 1
                check(held_state == user_state, n, f"the user's state {user_state} is not back: {held_state}")
                continue
            check(field in MODES, n, f"a mode for an unexpected field {field}")
            fields_seen.add(field)
            want = MODES.get(field)
            if want is None:
                check(held["open"] == 0, n, f"{field}: the IME is open, expected closed (direct input)")
                check(held_state[1] == user_state[1], n, f"{field}: the conversion changed: {held_state}")
            else:
                check(held["open"] == want[0] and held_state[1] & OURS == want[1], n,
                      f"{field}: open={held['open']} conversion={held_state[1]:#x}, expected open with {want[1]:#x}")

    check(placements >= 5, 0, f"only {placements} placements of the IME windows")
    check(len(heights) >= 2, 0, "the zoom did not change the line height the IME windows were placed by")
    missing = set(MODES) - fields_seen
    check(not missing, 0, f"no input mode set for {sorted(missing)}")
    check(restores >= 2, 0, f"the user's state came back {restores} times, expected after the login and the form")
    check(moves >= 1, 0, "no window move in the trace")
    check(placed_after_move >= 1, 0, "nothing placed after the window moved")
    if failures:
        print("FAIL: the IME's state in imm32:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    print(f"ok: {placements} placements at the caret, {len(fields_seen)} fields' modes, {restores} restores, "
          f"{moves} window move(s), {placed_after_move} placements after it; renderer={renderer}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
