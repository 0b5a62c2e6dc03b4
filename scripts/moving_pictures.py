"""The moving pictures: each exercise's movement, from the poses that
scripts/draw_pictures.py draws as still pictures.

Run through draw_pictures.py (python3 scripts/draw_pictures.py), which
writes the stills and then these. For each movement it writes, into
docs/assets/pictures/moving/:

- NAME.svg: the figure in its start position, as nested groups, one per
  body part (pelvis > chest > upper arm > forearm > hand, pelvis > thigh >
  shin > foot, ...), each drawn once, in place;
- NAME.css: one CSS animation per group that moves, which turns the group
  about its joint. Turning each part about its joint, inside the part it
  hangs from, is interpolation in joint angles: a limb keeps its length in
  every frame, which a morph between point lists would not.

The site inserts the SVG into the page and adds the stylesheet only when a
reader reaches it or presses Play (docs/javascripts/moving-pictures.js):
the page's Content-Security-Policy allows a stylesheet of the site's own,
and a <style> inside the SVG would need a hash in every page.

Each SVG says what it shows in data- attributes on its root, read by the
site (hooks/leaflet/moving_pictures.py): the still pictures it moves
between, in order (their alt text, in the page's language, is the moving
picture's description), the version of the exercise (Beginner, Progressed
or both) and the length of one loop. The root's class scopes its
stylesheet, which also holds the colours.

Every frame is checked as the stills are (draw_pictures.check_pose): no
joint past its limit and nothing through the bed or floor, at every
sample; a bad pose stops the generator with one line saying where.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Callable

import draw_pictures as dp
from draw_pictures import Figure, Point, angle_of, fmt, polyline, polygon, circle, step

# docs/assets/pictures/moving/ (hooks/leaflet/moving_pictures.py says the same).
MOVING = "moving"
OUT_DIR = dp.OUT_DIR / MOVING

# Samples of each movement, a frame every SAMPLE seconds; keyframes that a
# straight line between their neighbours gives to within TOLERANCE (degrees
# or px) are left out, which keeps each file small.
SAMPLE = 0.1
TOLERANCE = 0.5
# Each animation's SVG and stylesheet together stay under this (bytes).
BUDGET = 10_000

# Colours and line styles are the site's (docs/stylesheets/moving-pictures.css,
# class "lm"), as the stills' (draw_pictures.STYLE): one copy for every
# moving picture on a page.


def smooth(t: float) -> float:
    """Ease in and out: a slow start and a gentle stop, as the steps ask."""
    return t * t * (3 - 2 * t)


@dataclass
class Motion:
    """One moving picture.

    pose(u) is the figure at u; phases are (seconds, u from, u to): a
    movement, or a hold when both are the same. scene() draws what does
    not move with the figure: the bed or floor, a pillow, the dashed start
    position; overlay() what goes over it; cues are moving marks (arrows
    shown during some phases, a dot going round a ring, floor marks).
    """

    name: str
    frames: tuple[str, ...]
    level: str  # "beginner", "progressed" or "" for both
    pose: Callable[[float], Figure]
    phases: list[tuple[float, float, float]]
    scene: Callable[[], list[str]]
    overlay: Callable[[], list[str]] = lambda: []
    cues: list["Cue"] = field(default_factory=list)
    ease: Callable[[float], float] = smooth
    # How far a joint near the ground may stray between keyframes (px).
    stray: float = 0.4
    # The part the others hang from ("pelvis" or "chest"; see rig).
    root: str = "pelvis"

    @property
    def seconds(self) -> float:
        return sum(phase[0] for phase in self.phases)


@dataclass
class Cue:
    """Marks that move on their own: parts drawn at time 0, and where they
    are (a shift in px) and how visible (0 to 1) at time t."""

    parts: list[str]
    shift: Callable[[float], Point] = lambda t: (0.0, 0.0)
    opacity: Callable[[float], float] = lambda t: 1.0
    clip: tuple[float, float, float, float] | None = None
    # Or: round the ellipse ring=(centre, (rx, ry)), at angle turn(t)
    # (degrees, clockwise on the page) from the bottom of the ring.
    turn: Callable[[float], float] | None = None
    ring: tuple[Point, Point] = ((0.0, 0.0), (1.0, 1.0))


# --------------------------------------------------------------------------
# The rig: which groups a figure is made of, and how each turns


@dataclass
class Node:
    """A group that turns about a joint: pivot and direction of its part."""

    key: str
    parent: str | None
    ends: Callable[[Figure], tuple[Point, Point]]


def limb_nodes(prefix: str, limb: Callable[[Figure], list[Point]], parent: str) -> list[Node]:
    nodes = []
    for k in range(3):
        nodes.append(Node(f"{prefix}{k}", f"{prefix}{k - 1}" if k else parent,
                          lambda f, k=k: (limb(f)[k], limb(f)[k + 1])))
    return nodes


def rig(f: Figure, root: str = "pelvis") -> list[Node]:
    """The figure's groups, parents first. A side view bends at the waist
    (pelvis "r" and chest "c"); a front view's trunk is one piece. The root
    is the part that moves least: the pelvis standing or lying face down,
    the chest in a bridge, where the shoulders stay on the bed (the small
    errors between keyframes grow with the distance from it)."""
    if f.torso is None:
        if root == "chest":
            trunk = [Node("c", None, lambda f: (f.trunk[2], f.trunk[1])),
                     Node("r", "c", lambda f: (f.trunk[1], f.trunk[0]))]
        else:
            trunk = [Node("r", None, lambda f: (f.trunk[0], f.trunk[1])),
                     Node("c", "r", lambda f: (f.trunk[1], f.trunk[2]))]
        nodes = [*trunk, Node("n", "c", lambda f: (f.trunk[2], f.head))]
        nodes += limb_nodes("fa", lambda f: f.far[0][0], "c")
        nodes += limb_nodes("fl", lambda f: f.far[1][0], "r")
        nodes += limb_nodes("nl", lambda f: f.near[0][0], "r")
        nodes += limb_nodes("na", lambda f: f.near[1][0], "c")
        return nodes
    nodes = [Node("r", None, lambda f: (f.trunk[0], f.trunk[1])), Node("n", "r", lambda f: (f.trunk[1], f.head))]
    for i in range(len(f.near)):
        nodes += limb_nodes(f"l{i}", lambda f, i=i: f.near[i][0], "r")
    return nodes


def fmt_float(v: float) -> float:
    return float(fmt(v))


def wrap(a: float) -> float:
    return (a + 180) % 360 - 180


def tracks(motion: Motion, nodes: list[Node]) -> tuple[list[float], dict[str, list[tuple[float, ...]]], list[Figure]]:
    """Sample times, and each group's (rotate) or the root's (dx, dy, rotate)
    at each: rotations relative to the group's parent, from time 0."""
    times, figures, t0 = [], [], 0.0
    for seconds, u0, u1 in motion.phases:
        n = max(1, round(seconds / SAMPLE))
        for i in range(n):
            a = i / n
            times.append(t0 + seconds * a)
            figures.append(motion.pose(u0 + (u1 - u0) * motion.ease(a)))
        t0 += seconds
    times.append(t0)
    figures.append(figures[0])
    start = figures[0]
    for t, f in zip(times, figures):
        problems = dp.pose_problems(f, None)
        if problems:
            raise dp.PoseError(f"{motion.name} at {t:.1f} s: " + "; ".join(problems))
    base = {node.key: angle_of(*node.ends(start)) for node in nodes}
    parent = {node.key: node.parent for node in nodes}
    out: dict[str, list[tuple[float, ...]]] = {node.key: [] for node in nodes}
    for f in figures:
        turned = {node.key: wrap(angle_of(*node.ends(f)) - base[node.key]) for node in nodes}
        for node in nodes:
            own = turned[node.key] - (turned[parent[node.key]] if node.parent else 0.0)
            if node.parent is None:
                (x, y), (x0, y0) = node.ends(f)[0], node.ends(start)[0]
                out[node.key].append((x - x0, y - y0, wrap(own)))
            else:
                out[node.key].append((wrap(own),))
    return times, out, figures


def keep(times: list[float], values: list[tuple[float, ...]]) -> list[int]:
    """The samples to write as keyframes: the first, the last, and each
    one that a straight line between the kept ones would miss."""
    kept = [0]
    i = 0
    while i < len(times) - 1:
        j = i + 2
        # Extend the line from sample i as far as it fits every sample between.
        while j < len(times):
            fits = all(
                abs(values[k][d] - (values[i][d] + (values[j][d] - values[i][d])
                                    * (times[k] - times[i]) / (times[j] - times[i]))) <= TOLERANCE
                for k in range(i + 1, j) for d in range(len(values[i]))
            )
            if not fits:
                break
            j += 1
        i = j - 1
        kept.append(i)
    return kept


def pct(t: float, total: float) -> str:
    return fmt(round(100 * t / total, 1)) + "%"


def keyframes(times: list[float], values: list[tuple[float, ...]], total: float, write, kept=None) -> str:
    """The body of a @keyframes rule: the samples kept (all that matter if
    not given)."""
    return "".join(f"{pct(times[k], total)}{{{write(values[k])}}}" for k in (kept or keep(times, values)))


# How far (px) a joint may stray from the pose model's between keyframes:
# near the bed or floor, where a stray pixel is a foot in the floor, and
# elsewhere, where it is not seen.
STRAY = 0.4
STRAY_IN_THE_AIR = 1.2
NEAR_GROUND = 30

Matrix = tuple[float, float, float, float, float, float]  # a b c d e f, as SVG


def times_matrix(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2, a * e2 + c * f2 + e, b * e2 + d * f2 + f)


def turned(pivot: Point, degrees: float, shift: Point = (0.0, 0.0)) -> Matrix:
    """CSS translate then rotate (clockwise, as on screen), about pivot."""
    r = math.radians(degrees)
    cos, sin = math.cos(r), math.sin(r)
    x, y = pivot
    return (cos, sin, -sin, cos, x + shift[0] - cos * x + sin * y, y + shift[1] - sin * x - cos * y)


def apply(m: Matrix, p: Point) -> Point:
    return (m[0] * p[0] + m[2] * p[1] + m[4], m[1] * p[0] + m[3] * p[1] + m[5])


def fit(nodes: list[Node], times: list[float], values: dict[str, list[tuple[float, ...]]],
        figures: list[Figure], ground: float, near: float = STRAY) -> dict[str, list[int]]:
    """The keyframes of each group: those a straight line cannot skip, and
    more wherever the joints the groups carry, each turned in its parent,
    would stray more than STRAY px from the pose model's between them (the
    small errors of the parts add up along a limb)."""
    kept = {key: set(keep(times, rows)) for key, rows in values.items()}
    start = figures[0]
    ends = {node.key: node.ends(start) for node in nodes}

    def value(key: str, i: int) -> tuple[float, ...]:
        rows, marks = values[key], sorted(kept[key])
        later = next(k for k in marks if k >= i)
        if later == i:
            return rows[i]
        before = max(k for k in marks if k < i)
        share = (times[i] - times[before]) / (times[later] - times[before])
        return tuple(a + (b - a) * share for a, b in zip(rows[before], rows[later]))

    def stray(i: int, exact: bool) -> float:
        placed: dict[str, Matrix] = {}
        worst = 0.0
        for node in nodes:
            v = values[node.key][i] if exact else value(node.key, i)
            pivot = ends[node.key][0]
            if node.parent is None:
                placed[node.key] = turned(pivot, v[2], (v[0], v[1]))
            else:
                placed[node.key] = times_matrix(placed[node.parent], turned(pivot, v[0]))
            true_pivot, true_end = node.ends(figures[i])
            for start_point, true_point in ((pivot, true_pivot), (ends[node.key][1], true_end)):
                allowed = near if true_point[1] > ground - NEAR_GROUND else STRAY_IN_THE_AIR
                worst = max(worst, dp.dist(apply(placed[node.key], start_point), true_point) / allowed)
        return worst

    floor = [stray(i, True) for i in range(len(times))]
    for _ in range(len(times) * len(nodes)):
        # In units of what is allowed: 1 is as far as a joint may stray.
        errors = [stray(i, False) - floor[i] for i in range(len(times))]
        i = max(range(len(times)), key=errors.__getitem__)
        if errors[i] <= 1:
            break
        # A keyframe at that moment for each group that is off there.
        for key in kept:
            if max(abs(a - b) for a, b in zip(value(key, i), values[key][i])) > 0.02:
                kept[key].add(i)
    return {key: sorted(marks) for key, marks in kept.items()}


# --------------------------------------------------------------------------
# Drawing the start pose as nested groups


class Writer:
    """The SVG body and the stylesheet of one motion, as it is written."""

    def __init__(self, motion: Motion, prefix: str, ground: float):
        self.motion, self.prefix = motion, prefix
        self.nodes = rig(motion.pose(motion.phases[0][1]), motion.root)
        self.root = self.nodes[0].key
        self.times, self.values, figures = tracks(motion, self.nodes)
        self.start = figures[0]
        self.kept = fit(self.nodes, self.times, self.values, figures, ground, motion.stray)
        self.pivot = {node.key: node.ends(self.start)[0] for node in self.nodes}
        self.css: list[str] = []
        # Keyframes by their text: a far limb that moves as the near one
        # does shares its keyframes, with its own pivot.
        self.named: dict[str, str] = {}
        self.moving = {key for key, vals in self.values.items()
                       if any(abs(v) > TOLERANCE for row in vals for v in row)}

    def animation(self, cls: str, frames: str, origin: Point | None = None) -> None:
        """A rule that runs keyframes `frames` on class cls, turning about origin."""
        name = self.named.get(frames)
        if name is None:
            name = self.named[frames] = f"{self.prefix}{cls}"
            self.css.append(f"@keyframes {name}{{{frames}}}")
        where = f"transform-origin:{fmt(origin[0])}px {fmt(origin[1])}px;" if origin else ""
        self.css.append(f".{self.prefix} .{cls}{{{where}animation:{name} var(--d) linear infinite}}")

    def group(self, key: str, inner: list[str], counter: bool = False) -> list[str]:
        """inner, turned with part `key` (or against it: counter)."""
        if key not in self.moving:
            return inner
        cls = key + ("i" if counter else "")
        if not any(rule.startswith(f".{self.prefix} .{cls}{{") for rule in self.css):
            sign = -1 if counter else 1
            if key == self.root:
                write = (lambda v: f"translate:{fmt(v[0])}px {fmt(v[1])}px;rotate:{fmt(v[2])}deg")
            else:
                write = (lambda v: f"rotate:{fmt(sign * v[0])}deg")
            self.animation(cls, keyframes(self.times, self.values[key], self.motion.seconds, write, self.kept[key]),
                           self.pivot[key])
        return [f'<g class="{cls}">', *inner, "</g>"]

    def limb(self, prefix: str, pts: list[Point], widths: tuple[float, float], near: bool) -> list[str]:
        """A limb as three nested parts; near limbs over a paper halo."""
        ws = self.start.ws
        out: list[str] = []
        for k in (2, 1, 0):
            seg = pts[k:k + 2]
            width = (widths[0] if k == 0 else widths[1]) * ws
            halo = []
            if near:
                line = dp.trim_start(seg, min(dp.dist(*seg) * 0.5, 22 * self.start.s)) if k == 0 else seg
                halo = [polyline(line, "h", width + 6 * ws)]
            # data-j names the part, so a test can measure each joint.
            drawn = polyline(seg, "b" if near else "f", width).replace("<polyline ", f'<polyline data-j="{prefix}{k}" ', 1)
            out = self.group(f"{prefix}{k}", [*halo, *out, drawn])
        return out

    def figure(self) -> list[str]:
        f, ws = self.start, self.start.ws
        head = [circle(f.head, dp.HEAD_R * f.s, "b"), *dp.draw_face(f)]
        neck = polyline([f.shoulder, f.head], "b", dp.W_NECK * ws)
        if f.torso is not None:
            body = [*self.group("n", [neck]), polygon(f.outline(), "b", dp.W_OUTLINE * ws), *self.group("n", head)]
            for i, (pts, widths) in enumerate(f.near):
                body += self.limb(f"l{i}", pts, widths, True)
            return self.group("r", body)
        lower, upper = self.torso_halves()
        if self.root == "c":
            # The chest carries the pelvis, and the pelvis the legs.
            return self.group("c", [
                *self.limb("fa", f.far[0][0], f.far[0][1], False),
                *self.group("r", self.limb("fl", f.far[1][0], f.far[1][1], False)),
                *self.group("n", [neck]),
                *self.group("r", [lower]),
                upper,
                *self.group("n", head),
                *self.group("r", self.limb("nl", f.near[0][0], f.near[0][1], True)),
                *self.limb("na", f.near[1][0], f.near[1][1], True),
            ])
        chest = [
            *self.limb("fa", f.far[0][0], f.far[0][1], False),
            *self.group("c", self.limb("fl", f.far[1][0], f.far[1][1], False), counter=True),
            *self.group("n", [neck]),
            *self.group("c", [lower], counter=True),
            upper,
            *self.group("n", head),
            *self.group("c", self.limb("nl", f.near[0][0], f.near[0][1], True), counter=True),
            *self.limb("na", f.near[1][0], f.near[1][1], True),
        ]
        return self.group("r", self.group("c", chest))

    def torso_halves(self) -> tuple[str, str]:
        """The torso as the pelvis and the chest, which overlap at the
        waist, each to turn with its own part."""
        f, ws = self.start, self.start.ws
        lower = [(p, t, o) for p, t, o in dp.TORSO if p == 0]
        lower = lower[:2] + [(0, 1.1, 11), (0, 1.1, -12)] + lower[2:]
        upper = [(1, -0.1, 11)] + [(p, t, o) for p, t, o in dp.TORSO if p == 1] + [(1, -0.1, -12)]

        def outline(points):
            return [dp.along_trunk(f, part, t, off) for part, t, off in points]

        return (polygon(outline(lower), "b", dp.W_OUTLINE * ws), polygon(outline(upper), "b", dp.W_OUTLINE * ws))

    def cue(self, index: int, cue: Cue) -> list[str]:
        total = self.motion.seconds
        steps = [i * SAMPLE for i in range(round(total / SAMPLE) + 1)]
        cls = f"q{index}"
        out = cue.parts
        if cue.turn is not None:
            # Round a ring: turned about its centre, the ring squashed to an
            # ellipse; the mark turned back within, so it stays round.
            (cx, cy), (rx, ry) = cue.ring
            values = [(cue.turn(t),) for t in steps]
            frames = keyframes(steps, values, total, lambda v: f"rotate:{fmt(v[0])}deg")
            back = keyframes(steps, values, total, lambda v: f"rotate:{fmt(-v[0])}deg")
            self.animation(cls, frames)
            self.animation(cls + "i", back, (0.0, fmt_float(rx)))
            k = ry / rx
            return [f'<g transform="translate({fmt(cx)} {fmt(cy)}) scale(1 {fmt(round(k, 3))})">',
                    f'<g class="{cls}"><g class="{cls}i">',
                    f'<g transform="translate(0 {fmt(rx)}) scale(1 {fmt(round(1 / k, 3))})">', *out,
                    "</g></g></g></g>"]
        # Opacity in hundredths, so TOLERANCE is a hundredth of it.
        values = [(*cue.shift(t), round(100 * cue.opacity(t))) for t in steps]
        if all(v == values[0] for v in values):
            return out if values[0][2] > 0 else []
        moves = any(v[:2] != values[0][:2] for v in values)
        fades = any(v[2] != values[0][2] for v in values)

        def write(v):
            return ";".join(([f"translate:{fmt(v[0])}px {fmt(v[1])}px"] if moves else [])
                            + ([f"opacity:{fmt(v[2] / 100)}"] if fades else []))

        self.animation(cls, keyframes(steps, values, total, write))
        out = [f'<g class="{cls}">', *out, "</g>"]
        if cue.clip:
            x, y, w, h = cue.clip
            clip = f"{self.prefix}c{index}"
            return [f'<clipPath id="{clip}"><rect x="{fmt(x)}" y="{fmt(y)}" width="{fmt(w)}" height="{fmt(h)}"/></clipPath>',
                    f'<g clip-path="url(#{clip})">', *out, "</g>"]
        return out


_POINTS = re.compile(r'points="([^"]*)"')


def view_box(motion: Motion, ground: float, marks: list[str] = ()) -> tuple[float, float, float, float]:
    """The frame: the picture's full width, and from above the highest
    point the figure or its arrows (marks) reach to just below the bed or
    floor, so a lying figure is not lost in empty paper on a phone."""
    top = ground
    for mark in marks:
        for points in _POINTS.findall(mark):
            top = min([top] + [float(pair.split(",")[1]) + 24 for pair in points.split()])
    for seconds, u0, u1 in motion.phases:
        for i in range(6):
            f = motion.pose(u0 + (u1 - u0) * i / 5)
            top = min(top, min(y - half for pts, half in dp.body_parts(f) for _, y in pts))
    top = max(0, math.floor(top - 40))
    bottom = min(dp.HEIGHT, math.ceil(ground + 18))
    return 0.0, float(top), float(dp.WIDTH), float(bottom - top)


def render(motion: Motion, prefix: str) -> tuple[str, str]:
    """The SVG and the stylesheet of a motion."""
    dp.SCENE["figures"], dp.SCENE["ground"] = [], None
    scene = motion.scene()
    ground = dp.SCENE["ground"]
    overlay = motion.overlay()
    for f in dp.SCENE["figures"]:
        dp.check_pose(f, ground, motion.name)
    writer = Writer(motion, prefix, ground)
    for t, f in sample(motion):
        problems = dp.pose_problems(f, ground)
        if problems:
            raise dp.PoseError(f"{motion.name} at {t:.1f} s: " + "; ".join(problems))
    # No ids: two moving pictures share a page, where an id must be unique.
    body = [re.sub(r' id="[^"]*"', "", part) for part in [*scene, *writer.figure(), *overlay]]
    for index, cue in enumerate(motion.cues):
        body += writer.cue(index, cue)
    marks = [*scene, *overlay, *(part for cue in motion.cues if cue.turn is None for part in cue.parts)]
    x, y, w, h = view_box(motion, ground, marks)
    frames = " ".join(motion.frames)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="lm {prefix}" viewBox="{fmt(x)} {fmt(y)} {fmt(w)} {fmt(h)}" '
        f'width="{fmt(w)}" height="{fmt(h)}" data-frames="{frames}" data-level="{motion.level}" '
        f'data-seconds="{fmt(motion.seconds)}" data-ground="{fmt(ground)}" data-facing="{writer.start.facing}">\n'
        f'<rect class="bg" x="{fmt(x)}" y="{fmt(y)}" width="{fmt(w)}" height="{fmt(h)}"/>\n'
        + "\n".join(body) + "\n</svg>\n"
    )
    css = (
        f"/* {motion.name}: generated by scripts/draw_pictures.py; do not edit. */\n"
        f".{prefix}{{--d:{fmt(motion.seconds)}s}}\n"
        + "\n".join(writer.css) + "\n"
    )
    return svg, css


def sample(motion: Motion):
    """(time, figure) every SAMPLE seconds of the loop."""
    t0 = 0.0
    for seconds, u0, u1 in motion.phases:
        n = max(1, round(seconds / SAMPLE))
        for i in range(n):
            a = i / n
            yield t0 + seconds * a, motion.pose(u0 + (u1 - u0) * motion.ease(a))
        t0 += seconds


def write_animations() -> None:
    from motions import MOTIONS

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    written = set()
    for index, motion in enumerate(MOTIONS):
        try:
            svg, css = render(motion, f"m{index}")
        except dp.PoseError as error:
            raise SystemExit(f"draw_pictures.py: {error}")
        size = len(svg.encode()) + len(css.encode())
        if size > BUDGET:
            raise SystemExit(f"draw_pictures.py: {motion.name} weighs {size:,} bytes, over {BUDGET:,}")
        for suffix, text in ((".svg", svg), (".css", css)):
            path = OUT_DIR / (motion.name + suffix)
            path.write_text(text, encoding="utf-8", newline="\n")
            written.add(path.name)
        print(f"wrote {MOVING}/{motion.name}.svg and .css ({size:,} bytes)")
    # A motion taken out takes its files with it.
    for path in OUT_DIR.iterdir():
        if path.name not in written:
            path.unlink()
