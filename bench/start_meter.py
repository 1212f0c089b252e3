#!/usr/bin/env python3
"""start_meter.py: the meter of bench/client-start.sh.

Runs each named program several times, alternating, on the X display in
$DISPLAY (which must show nothing else), and measures for each run:
  - the time from process start to its first STABLE frame: the first picture
    of the root window after which the screen stays the same for --settle-ms,
    and which shows a page (not one flat colour);
  - the PSS summed over the whole process tree (every process of the session
    the program was started in, children included), read once it is stable.
Prints each run, the medians and the ratios of each program to the
last one (the reference). The screen is read with XGetImage through ctypes (no extra modules).

  start_meter.py [--runs N] [--settle-ms MS] [--timeout S] \
      NAME -- CMD ARGS... ;; NAME -- CMD ARGS... [;; ...]
"""
import argparse
import ctypes
import ctypes.util
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time


class XImage(ctypes.Structure):
    # Only the leading fields are read; the rest of the struct is left alone.
    _fields_ = [
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("xoffset", ctypes.c_int),
        ("format", ctypes.c_int),
        ("data", ctypes.c_void_p),
        ("byte_order", ctypes.c_int),
        ("bitmap_unit", ctypes.c_int),
        ("bitmap_bit_order", ctypes.c_int),
        ("bitmap_pad", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("bytes_per_line", ctypes.c_int),
    ]


class Screen:
    """Grabs the root window of $DISPLAY as raw bytes."""

    ZPIXMAP = 2
    ALL_PLANES = ctypes.c_ulong(~0 & 0xFFFFFFFFFFFFFFFF)

    def __init__(self):
        x11 = ctypes.CDLL(ctypes.util.find_library("X11"))
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XDefaultRootWindow.restype = ctypes.c_ulong
        x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x11.XDisplayWidth.argtypes = [ctypes.c_void_p, ctypes.c_int]
        x11.XDisplayHeight.argtypes = [ctypes.c_void_p, ctypes.c_int]
        x11.XGetImage.restype = ctypes.POINTER(XImage)
        x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                                  ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        x11.XDestroyImage = None  # a macro; the image's own destroy function is called below
        x11.XFree.argtypes = [ctypes.c_void_p]
        self.x11 = x11
        self.display = x11.XOpenDisplay(None)
        if not self.display:
            sys.exit("start_meter: cannot open the X display " + os.environ.get("DISPLAY", "(unset)"))
        self.root = x11.XDefaultRootWindow(self.display)
        self.width = x11.XDisplayWidth(self.display, 0)
        self.height = x11.XDisplayHeight(self.display, 0)

    def grab(self):
        image = self.x11.XGetImage(self.display, self.root, 0, 0, self.width, self.height,
                                   self.ALL_PLANES, self.ZPIXMAP)
        data = ctypes.string_at(image.contents.data, image.contents.bytes_per_line * self.height)
        # XDestroyImage(image) is image->f.destroy_image(image); freeing the
        # data and the struct does the same for an image XGetImage made.
        self.x11.XFree(image.contents.data)
        self.x11.XFree(image)
        return data


def shows_a_page(frame):
    """A page has text: many colours (anti-aliasing); a blank or cleared
    window has one or two."""
    sample = memoryview(frame).cast("I")[::5]
    return len(set(sample)) >= 16


def session_pids(sid):
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if os.getsid(int(entry)) == sid:
                pids.append(int(entry))
        except OSError:
            pass
    return pids


def memory_kib(pids):
    """(PSS, RSS) summed over the processes. PSS splits the pages of shared
    libraries among the processes that map them, other programs' included."""
    pss = rss = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1])
                    elif line.startswith("Rss:"):
                        rss += int(line.split()[1])
        except OSError:
            pass  # ended meanwhile
    return pss, rss


def save_ppm(path, frame, width, height):
    """Writes a grabbed frame (32-bit BGRX) as a PPM picture."""
    rgb = bytearray(width * height * 3)
    for channel in range(3):
        rgb[channel::3] = frame[2 - channel::4]
    with open(path, "wb") as f:
        f.write(b"P6 %d %d 255\n" % (width, height) + rgb)


def measure(screen, command, settle, timeout, picture=None):
    """One run: (seconds to the first stable frame, (PSS, RSS) in KiB, processes);
    the stable frame is saved to `picture` when given."""
    blank = screen.grab()
    scratch = tempfile.mkdtemp(prefix="start-meter-")
    argv = [a.replace("{tmp}", scratch) for a in command]
    started = time.monotonic()
    proc = subprocess.Popen(argv, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, cwd=scratch)
    try:
        previous, changed_at = blank, None
        while True:
            now = time.monotonic()
            if now - started > timeout:
                raise RuntimeError(f"no stable frame within {timeout} s")
            if proc.poll() is not None:
                raise RuntimeError(f"ended with status {proc.returncode} before a stable frame")
            frame = screen.grab()
            if frame != previous:
                previous, changed_at = frame, now
            elif changed_at and now - changed_at >= settle and shows_a_page(frame):
                pids = session_pids(proc.pid)
                if picture:
                    save_ppm(picture, frame, screen.width, screen.height)
                return changed_at - started, memory_kib(pids), len(pids)
            time.sleep(0.005)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        for _ in range(100):  # the session's other processes end with the group
            if not session_pids(proc.pid):
                break
            time.sleep(0.02)
        shutil.rmtree(scratch, ignore_errors=True)
        while screen.grab() != blank and time.monotonic() - started < timeout + 5:
            time.sleep(0.02)  # the window is gone before the next run starts


def parse_programs(rest):
    programs, current = [], []
    for word in rest + [";;"]:
        if word == ";;":
            if current:
                if len(current) < 3 or current[1] != "--":
                    sys.exit("start_meter: each program is NAME -- CMD ARGS...")
                programs.append((current[0], current[2:]))
            current = []
        else:
            current.append(word)
    return programs


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--settle-ms", type=int, default=1000)
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--frames", help="folder to save each run's stable frame in (PPM)")
    args, rest = parser.parse_known_args()
    programs = parse_programs(rest)
    screen = Screen()
    print(f"screen {screen.width}x{screen.height}, stable = unchanged for {args.settle_ms} ms, "
          f"{args.runs} runs each, alternating")
    results = {name: [] for name, _ in programs}
    for run in range(1, args.runs + 1):
        for name, command in programs:
            picture = args.frames and os.path.join(args.frames, f"{name}-{run}.ppm")
            seconds, (pss, rss), count = measure(screen, command, args.settle_ms / 1000, args.timeout, picture)
            results[name].append((seconds, pss, rss))
            print(f"run {run} {name:10} stable frame {seconds * 1000:6.0f} ms   PSS {pss / 1024:6.1f} MiB   "
                  f"RSS {rss / 1024:6.1f} MiB ({count} processes)", flush=True)
    medians = {name: [statistics.median(column) for column in zip(*r)] for name, r in results.items()}
    for name, (seconds, pss, rss) in medians.items():
        print(f"median {name:10} stable frame {seconds * 1000:6.0f} ms   PSS {pss / 1024:6.1f} MiB   "
              f"RSS {rss / 1024:6.1f} MiB")
    reference = programs[-1][0]
    ref_s, ref_p, ref_r = medians[reference]
    for name, (seconds, pss, rss) in list(medians.items())[:-1]:
        print(f"ratio {name}/{reference}: time {seconds / ref_s:.2f}   PSS {pss / ref_p:.2f}   RSS {rss / ref_r:.2f}")


if __name__ == "__main__":
    main()
