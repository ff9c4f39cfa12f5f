#!/usr/bin/env python3
"""Draws a flame graph (SVG, root at the bottom) of the CPU samples in a JFR recording.

Usage: flame.py RECORDING.jfr ROOT_FRAME OUT.svg TITLE
Only stacks that pass through ROOT_FRAME (a substring of a frame such as
InProcessGraphQlBenchmark.execute) are drawn, from that frame up; each box is as wide as the share of samples
in which its frame ran, itself or below.
"""
import html
import re
import subprocess
import sys

WIDTH, ROW, FONT = 1200, 16, 11


def stacks(recording, root):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", recording],
                          capture_output=True, text=True, check=True).stdout
    for event in text.split("jdk.ExecutionSample")[1:]:
        frames = re.findall(r"^\s+([\w.$<>]+)\(", event, re.M)
        frames.reverse()  # outermost first
        at = next((i for i, f in enumerate(frames) if root in f), None)
        if at is not None:
            yield frames[at:]


def short(frame):
    parts = frame.split(".")
    return ".".join(parts[-2:]) if len(parts) > 2 else frame


def tree(all_stacks):
    root = {"name": "all", "count": 0, "children": {}}
    for stack in all_stacks:
        root["count"] += 1
        node = root
        for frame in stack:
            node = node["children"].setdefault(frame, {"name": frame, "count": 0, "children": {}})
            node["count"] += 1
    return root


def colour(frame):
    """Ours orange, graphql-java red, Spring and Reactor green, the JDK and the rest grey."""
    if frame.startswith("dev.fraiseql.") and not frame.startswith("dev.fraiseql.benchmarks."):
        return "#e8a33d"
    if frame.startswith("graphql."):
        return "#d9634c"
    if frame.startswith(("org.springframework.", "reactor.", "io.micrometer.")):
        return "#8cbf6a"
    return "#c9c9c9"


def boxes(node, x, depth, total, out):
    width = WIDTH * node["count"] / total
    if width < 0.5:
        return
    out.append((x, depth, width, node["name"], node["count"]))
    child_x = x
    for child in sorted(node["children"].values(), key=lambda c: -c["count"]):
        boxes(child, child_x, depth + 1, total, out)
        child_x += WIDTH * child["count"] / total


def main():
    recording, root_frame, target, title = sys.argv[1:5]
    root = tree(stacks(recording, root_frame))
    if root["count"] == 0:
        sys.exit("no sample passes through " + root_frame)
    out = []
    boxes(root, 0, 0, root["count"], out)
    height = (max(d for _, d, _, _, _ in out) + 2) * ROW + 30
    svg = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="monospace" font-size="%d">'
           % (WIDTH, height, FONT),
           '<text x="4" y="16" font-size="13">%s (%d samples)</text>' % (html.escape(title), root["count"])]
    for x, depth, width, name, count in out:
        y = height - (depth + 1) * ROW
        label = "%s (%.1f%%)" % (short(name), 100.0 * count / root["count"])
        svg.append('<g><title>%s</title><rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s" stroke="white"/>'
                   % (html.escape(label), x, y, width, ROW - 1, colour(name)))
        chars = int(width / (FONT * 0.62))
        if chars >= 4:
            text = label if len(label) <= chars else label[:chars - 1] + "…"
            svg.append('<text x="%.1f" y="%d">%s</text>' % (x + 2, y + ROW - 4, html.escape(text)))
        svg.append("</g>")
    svg.append("</svg>")
    with open(target, "w") as f:
        f.write("\n".join(svg) + "\n")


if __name__ == "__main__":
    main()
