#!/usr/bin/env python3
"""Draw the leaflet's exercise pictures as small SVG files.

Run from anywhere:  python3 scripts/draw_pictures.py
It rewrites every picture in docs/assets/pictures/. The output is
deterministic (no dates, no randomness), so re-running it on an unchanged
script changes no file and git shows no diff.

Why code and not a drawing program: every figure is built from one body
model with adult proportions and drawn by one function, so all pictures
share the same line weights, colours and head size, and a fix (say, thicker
lines) is one edit here instead of thirteen redrawings.

Conventions
- Angles are on a clock face, in degrees: 0 points up, 90 right, 180 down,
  270 (or -90) left.
- Coordinates are SVG pixels in a 480 x 320 picture, y growing downwards.
- Colours live only in the <style> block, as CSS custom properties. The site
  shows the files through <img> and inverts them for its dark scheme, so each
  picture must be complete and opaque on its own paper colour.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
# Where pictures live is said once, in hooks/leaflet/site_layout.py (a
# module of plain constants: this script still needs nothing installed).
sys.path.insert(0, str(PROJECT / "hooks"))
from leaflet.site_layout import PICTURES_FOLDER  # noqa: E402

OUT_DIR = PROJECT.joinpath("docs", *PICTURES_FOLDER)
WIDTH, HEIGHT = 480, 320

Point = tuple[float, float]

# Body lengths in px for a standing adult about 270 px tall (scale 1.0),
# near the usual fractions of height: trunk ~0.31, thigh and shin ~0.25 each,
# upper arm ~0.19, head ~1/8 of the height.
HEAD_R = 17
NECK = 12
LUMBAR = 34  # hip joint to waist
THORAX = 50  # waist to shoulder joint
UPPER_ARM = 50
FOREARM = 38
HAND = 17
THIGH = 68
SHIN = 64
FOOT = 26

# Side view of the torso as (part, t, offset): part 0 runs hip to waist and
# part 1 waist to shoulder; t is the fraction along it, offset the distance
# in front (+) or behind (-). A shaped torso, chest forward and buttocks
# back, is what lets a reader tell a person's front from their back when
# they lie down or bend.
TORSO = [
    (0, -0.15, 10), (0, 0.55, 11), (1, 0.15, 11), (1, 0.55, 16), (1, 0.92, 11), (1, 1.1, 4),
    (1, 1.1, -8), (1, 0.75, -14), (1, 0.15, -11), (0, 0.45, -13), (0, 0.0, -16), (0, -0.3, -9),
]
TORSO_BACK = 16   # deepest point behind the spine (buttocks), scale 1.0
TORSO_FRONT = 16  # deepest point in front (chest)

# Line widths at scale 1.0. Lying figures are drawn larger to fill the wide
# frame; their limbs thicken more slowly than their lengths so the pictures
# on different pages keep a similar line weight.
W_OUTLINE = 5
W_NECK = 12
W_ARM = (14, 12)  # upper arm; forearm and hand
W_LEG = (21, 17)  # thigh; shin and foot
W_GHOST = 4
WEIGHT_GROWTH = 0.6

STYLE = (
    ":root{--paper:#ffffff;--line:#1f2933;--far:#7b8794;--accent:#00695c;"
    "--ghost:#9aa5b1;--floor:#52606d;--mat:#e4e7eb}"
    ".bg{fill:var(--paper)}"
    "polyline,polygon{stroke-linecap:round;stroke-linejoin:round}"
    "polyline{fill:none}"
    ".b{stroke:var(--line);fill:var(--line)}polyline.b{fill:none}"
    ".f{stroke:var(--far)}"
    ".h{stroke:var(--paper)}"
    ".g{stroke:var(--ghost);stroke-width:4;stroke-dasharray:9 7;fill:none}"
    ".fl{stroke:var(--floor);stroke-width:4;stroke-linecap:round}"
    ".mat{fill:var(--mat);stroke:var(--floor);stroke-width:3}"
    ".a{stroke:var(--accent);fill:var(--accent)}polyline.a{fill:none}"
    ".ah{stroke:var(--paper);fill:var(--paper)}polyline.ah{fill:none}"
    ".m{fill:var(--accent);stroke:var(--paper);stroke-width:3}"
    ".e{fill:var(--paper)}"
)


# --------------------------------------------------------------------------
# Geometry


def heading(angle: float) -> Point:
    """Unit vector for a clock-face angle."""
    r = math.radians(angle)
    return (math.sin(r), -math.cos(r))


def step(p: Point, angle: float, length: float) -> Point:
    dx, dy = heading(angle)
    return (p[0] + dx * length, p[1] + dy * length)


def angle_of(a: Point, b: Point) -> float:
    """Clock-face angle of the direction from a to b."""
    return math.degrees(math.atan2(b[0] - a[0], a[1] - b[1]))


def dist(a: Point, b: Point) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])


def lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def bend(a: Point, b: Point, l1: float, l2: float, side: int) -> Point:
    """Middle joint (knee, elbow) of a two-part limb running from a to b.

    Fixing the ends and solving for the middle keeps feet on the floor and
    hands on the waist while the body moves; side (+1 or -1) picks which way
    the joint points, which is what makes knees and elbows bend the right way.
    """
    d = min(dist(a, b), l1 + l2 - 1e-6)
    cos_a = (l1 * l1 + d * d - l2 * l2) / (2 * l1 * d)
    off = math.degrees(math.acos(max(-1.0, min(1.0, cos_a))))
    return step(a, angle_of(a, b) + side * off, l1)


def arc(centre: Point, rx: float, ry: float, start: float, end: float, n: int = 24) -> list[Point]:
    """Points along an ellipse, by clock-face angle from start to end."""
    pts = []
    for i in range(n + 1):
        t = math.radians(start + (end - start) * i / n)
        pts.append((centre[0] + rx * math.sin(t), centre[1] - ry * math.cos(t)))
    return pts


def trim_end(pts: list[Point], length: float) -> list[Point]:
    """The polyline with its last `length` px cut off."""
    pts = list(pts)
    while len(pts) > 1 and length > 0:
        seg = dist(pts[-2], pts[-1])
        if seg > length:
            pts[-1] = lerp(pts[-1], pts[-2], length / seg)
            break
        length -= seg
        pts.pop()
    return pts


def trim_start(pts: list[Point], length: float) -> list[Point]:
    return trim_end(pts[::-1], length)[::-1]


# --------------------------------------------------------------------------
# Body model


@dataclass
class Figure:
    """A person as joint positions, ready to draw.

    Limbs are (points, widths): root, middle joint, end, tip, and the line
    width of the upper part and of the rest. `far` limbs are on the other side of the body
    and drawn lighter, behind the torso, which is how a side view shows two
    arms and two legs without confusion. `facing` is +1 when the front of the
    body is clockwise from the spine (a person facing right, or lying on
    their back with the head on the left) and -1 otherwise.
    """

    s: float
    trunk: list[Point]  # hip joint, waist, shoulder joint
    head: Point
    face: float | None  # clock angle the nose points to; None in front view
    facing: int = 1
    near: list[tuple[list[Point], tuple[float, float]]] = field(default_factory=list)
    far: list[tuple[list[Point], tuple[float, float]]] = field(default_factory=list)
    torso: list[Point] | None = None  # ready-made outline (front view)

    @property
    def ws(self) -> float:
        return self.s**WEIGHT_GROWTH

    @property
    def shoulder(self) -> Point:
        return self.trunk[-1]

    def outline(self) -> list[Point]:
        if self.torso:
            return self.torso
        pts = []
        for part, t, off in TORSO:
            a, b = self.trunk[part], self.trunk[part + 1]
            along = angle_of(a, b)
            p = step(a, along, dist(a, b) * t)
            pts.append(step(p, along + 90 * self.facing, off * self.s))
        return pts

    def points(self) -> list[Point]:
        r = HEAD_R * self.s
        hx, hy = self.head
        pts = self.outline() + [(hx - r, hy - r), (hx + r, hy + r)]
        for limb, _ in self.near + self.far:
            pts += limb
        return pts

    def moved(self, dx: float, dy: float) -> Figure:
        def mv(ps):
            return [(x + dx, y + dy) for x, y in ps]

        return Figure(
            s=self.s,
            trunk=mv(self.trunk),
            head=mv([self.head])[0],
            face=self.face,
            facing=self.facing,
            near=[(mv(p), w) for p, w in self.near],
            far=[(mv(p), w) for p, w in self.far],
            torso=mv(self.torso) if self.torso else None,
        )


def place(fig: Figure, joint: Point, at: Point) -> Figure:
    """Shift the figure so that `joint` (one of its points) lands on `at`."""
    return fig.moved(at[0] - joint[0], at[1] - joint[1])


def chain(start: Point, parts: list[tuple[float, float]]) -> list[Point]:
    """Follow (angle, length) segments from start: a limb by its angles."""
    pts = [start]
    for angle, length in parts:
        pts.append(step(pts[-1], angle, length))
    return pts


def side_figure(
    *,
    s: float = 1.0,
    pelvis: float = 0,
    chest: float = 0,
    neck: float | None = None,
    facing: int = 1,
    near_leg: tuple[float, float, float] = (180, 180, 90),
    far_leg: tuple[float, float, float] | None = None,
    near_arm: tuple[float, float, float] = (180, 180, 180),
    far_arm: tuple[float, float, float] | None = None,
) -> Figure:
    """Side view from joint angles: the trunk in two parts (lower back and
    chest) so the spine can curve; legs as (thigh, shin, foot) angles; arms
    as (upper arm, forearm, hand) angles. The hip joint is at (0, 0); poses
    then move the figure into place and may replace limbs."""
    neck = chest if neck is None else neck
    hip = (0.0, 0.0)
    waist = step(hip, pelvis, LUMBAR * s)
    shoulder = step(waist, chest, THORAX * s)
    head = step(shoulder, neck, (NECK + HEAD_R) * s)

    def leg(a):
        return chain(hip, [(a[0], THIGH * s), (a[1], SHIN * s), (a[2], FOOT * s)])

    def arm(a):
        return chain(shoulder, [(a[0], UPPER_ARM * s), (a[1], FOREARM * s), (a[2], HAND * s)])

    return Figure(
        s=s,
        trunk=[hip, waist, shoulder],
        head=head,
        face=neck + 90 * facing,
        facing=facing,
        near=[(leg(near_leg), W_LEG), (arm(near_arm), W_ARM)],
        far=[(arm(far_arm or near_arm), W_ARM), (leg(far_leg or near_leg), W_LEG)],
    )


def set_arms(f: Figure, near: list[Point], far: list[Point] | None = None) -> Figure:
    """Replace both arms (limbs are ordered leg, arm near and arm, leg far)."""
    f.near[1] = (near, W_ARM)
    f.far[0] = (far or near, W_ARM)
    return f


def along_trunk(f: Figure, part: int, t: float, off: float) -> Point:
    """A point on the body: t along a trunk part, off px in front (+)."""
    a, b = f.trunk[part], f.trunk[part + 1]
    along = angle_of(a, b)
    return step(step(a, along, dist(a, b) * t), along + 90 * f.facing, off * f.s)


def hands_on_waist(f: Figure) -> list[Point]:
    """Side view of a hand on the waist with the elbow out to the side.

    The elbow points sideways, so from the side the arm looks short and the
    elbow shows just behind the back; the fingers wrap forward.
    """
    wrist = along_trunk(f, 0, 0.85, 1)
    elbow = along_trunk(f, 1, 0.45, -27)
    up = angle_of(f.trunk[0], f.trunk[1])
    fingers = step(wrist, up + 125 * f.facing, 10 * f.s)
    return [f.shoulder, elbow, wrist, fingers]


def arms_crossed(f: Figure) -> Figure:
    """Standing, arms folded over the chest, side view.

    The forearms cross the body, so from the side each looks like a short
    bar sticking forward from an elbow held at the side; the far forearm
    shows just above the near one, which is what reads as "crossed".
    """
    def arm(lift: float) -> list[Point]:
        elbow = along_trunk(f, 1, 0.18 + lift, 3)
        wrist = along_trunk(f, 1, 0.4 + lift, 30)
        return [f.shoulder, elbow, wrist, along_trunk(f, 1, 0.55 + lift, 31)]

    return set_arms(f, arm(0), arm(0.14))


def arms_on_chest(f: Figure) -> Figure:
    """Lying on the back, arms folded across the chest: the forearms rest
    on the chest, so from the side they lie along its top, clear of the bed."""
    def arm(dt: float, off: float) -> list[Point]:
        elbow = along_trunk(f, 1, 0.12 + dt, 23 + off)
        wrist = along_trunk(f, 1, 0.85 + dt, 22 + off)
        return [f.shoulder, elbow, wrist, along_trunk(f, 1, 1.0 + dt, 18 + off)]

    return set_arms(f, arm(0, 0), arm(0.05, 3))


# --------------------------------------------------------------------------
# Joint limits: a pose the body cannot take stops the generator


class PoseError(ValueError):
    """A pose breaks a joint limit or goes through the bed or floor."""


# Flexion in degrees, 0 when straight, positive the way the joint bends: a
# knee bends backwards, an elbow forwards, and a foot points forwards from
# the shin (90: at a right angle; 0: toes pointed in line). A few degrees the
# wrong way is a straight limb, not a broken one.
KNEE = (-3.0, 150.0)
ELBOW = (-3.0, 165.0)
ANKLE = (-5.0, 150.0)
# Front view: the legs stay nearly straight, knees over the toes.
FRONT_KNEE = 30.0
# How far into the bed or floor a line's edge may reach: a body presses a
# soft bed in by a pixel, which is how it reads as resting on it.
GROUND_TOLERANCE = 1.0


def turn(a: Point, b: Point, c: Point) -> float:
    """How far the direction turns at b, going a -> b -> c (clockwise +)."""
    return (angle_of(b, c) - angle_of(a, b) + 180) % 360 - 180


def joint_angles(f: Figure) -> dict[str, float]:
    """Each joint's flexion (see KNEE, ELBOW, ANKLE), by name."""
    if f.torso is not None:
        return {f"knee {i}": abs(turn(*pts[:3])) for i, (pts, _) in enumerate(f.near[:2])}
    limbs = {"near leg": f.near[0][0], "far leg": f.far[1][0], "near arm": f.near[1][0], "far arm": f.far[0][0]}
    angles = {}
    for name, pts in limbs.items():
        if len(pts) < 4:
            continue
        if name.endswith("leg"):
            angles[name.replace("leg", "knee")] = turn(*pts[:3]) * f.facing
            angles[name.replace("leg", "ankle")] = -turn(*pts[1:4]) * f.facing
        else:
            angles[name.replace("arm", "elbow")] = -turn(*pts[:3]) * f.facing
    return angles


def body_parts(f: Figure) -> list[tuple[list[Point], float]]:
    """Every part as drawn: its points and half its line's width (a circle
    is its centre and its radius)."""
    ws = f.ws
    parts = [(f.outline(), W_OUTLINE * ws / 2), ([f.shoulder, f.head], W_NECK * ws / 2),
             ([f.head], HEAD_R * f.s)]
    face = face_parts(f)
    if face:
        parts.append(([face[0]], face[1]))
    for pts, (w1, w2) in f.near + f.far:
        if pts:
            parts += [(pts[:2], w1 * ws / 2), (pts[1:], w2 * ws / 2)]
    return parts


def pose_problems(f: Figure, ground: float | None) -> list[str]:
    """What is wrong with a pose: joints past their limits, parts below the
    top of the bed or the floor (ground: its y; None: not checked)."""
    problems = []
    for name, value in joint_angles(f).items():
        low, high = (-FRONT_KNEE, FRONT_KNEE) if name.startswith("knee ") else \
            KNEE if "knee" in name else ELBOW if "elbow" in name else ANKLE
        if not low <= value <= high:
            problems.append(f"{name} at {value:.0f} degrees (allowed {low:.0f} to {high:.0f})")
    if ground is not None:
        lowest = max(y + half for pts, half in body_parts(f) for _, y in pts)
        if lowest > ground + GROUND_TOLERANCE:
            problems.append(f"the body goes {lowest - ground:.1f} px into the bed or floor")
    return problems


def check_pose(f: Figure, ground: float | None, where: str) -> Figure:
    problems = pose_problems(f, ground)
    if problems:
        raise PoseError(f"{where}: " + "; ".join(problems))
    return f


# --------------------------------------------------------------------------
# SVG output


def fmt(v: float) -> str:
    text = f"{v:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def pts_attr(pts: list[Point]) -> str:
    return " ".join(f"{fmt(x)},{fmt(y)}" for x, y in pts)


def _id(name: str | None) -> str:
    """An id attribute: the parts tests/test_pictures.py measures (the
    figure's torso, head and near limbs, the mat and a pillow) carry one."""
    return f' id="{name}"' if name else ""


def polyline(pts: list[Point], cls: str, width: float | None = None, part: str | None = None) -> str:
    w = "" if width is None else f' stroke-width="{fmt(width)}"'
    return f'<polyline{_id(part)} class="{cls}"{w} points="{pts_attr(pts)}"/>'


def polygon(pts: list[Point], cls: str, width: float | None = None, part: str | None = None) -> str:
    w = "" if width is None else f' stroke-width="{fmt(width)}"'
    return f'<polygon{_id(part)} class="{cls}"{w} points="{pts_attr(pts)}"/>'


def circle(c: Point, r: float, cls: str, part: str | None = None) -> str:
    return f'<circle{_id(part)} class="{cls}" cx="{fmt(c[0])}" cy="{fmt(c[1])}" r="{fmt(r)}"/>'


# A side view's near limbs in drawing order, as ids: "near-leg-upper" is
# the thigh, "near-leg-lower" the shin and foot. Front views have no ids.
SIDE_NEAR_LIMBS = ("leg", "arm")


def face_parts(f: Figure) -> tuple[Point, float, Point, float] | None:
    """Where the nose and the eye are, and their radii: a round nose just
    out of the head and a paper-coloured eye above it, so a reader sees at
    a glance which way the person faces, and face-up from face-down. None
    in front view."""
    if f.face is None:
        return None
    r = HEAD_R * f.s
    # "Up the face" is towards the crown: the neck's direction.
    crown = angle_of(f.shoulder, f.head)
    nose = step(step(f.head, f.face, r * 0.9), crown, -r * 0.08)
    eye = step(step(f.head, f.face, r * 0.45), crown, r * 0.25)
    return nose, r * 0.3, eye, r * 0.15


def draw_face(f: Figure) -> list[str]:
    parts = face_parts(f)
    if parts is None:
        return []
    nose, nose_r, eye, eye_r = parts
    return [circle(nose, nose_r, "b"), circle(eye, eye_r, "e")]


# The figures and the bed or floor of the picture being drawn, for the
# joint-limit check (main).
SCENE: dict = {"figures": [], "ground": None}


def draw_figure(f: Figure) -> list[str]:
    SCENE["figures"].append(f)
    ws = f.ws
    out = []
    for pts, (w1, w2) in f.far:
        out += [polyline(pts[:2], "f", w1 * ws), polyline(pts[1:], "f", w2 * ws)]
    out.append(polyline([f.shoulder, f.head], "b", W_NECK * ws))
    # A thick outline with rounded joins rounds off the torso's corners.
    out.append(polygon(f.outline(), "b", W_OUTLINE * ws, part="torso"))
    r = HEAD_R * f.s
    out.append(circle(f.head, r, "b", part="head"))
    out += draw_face(f)
    names = SIDE_NEAR_LIMBS if len(f.near) == len(SIDE_NEAR_LIMBS) else [None] * len(f.near)
    for (pts, (w1, w2)), name in zip(f.near, names):
        # A paper-coloured halo parts a near limb from whatever it crosses.
        # It starts part-way down the limb so it does not notch the torso
        # where the limb joins it.
        halo = trim_start(pts[:2], min(dist(pts[0], pts[1]) * 0.5, 22 * f.s))
        out.append(polyline(halo, "h", (w1 + 6) * ws))
        out.append(polyline(pts[1:], "h", (w2 + 6) * ws))
        out.append(polyline(pts[:2], "b", w1 * ws, part=name and f"near-{name}-upper"))
        out.append(polyline(pts[1:], "b", w2 * ws, part=name and f"near-{name}-lower"))
    return out


def draw_ghost(f: Figure) -> list[str]:
    """The starting position as a thin dashed outline: it reads as 'where you
    were' in colour and in black-and-white print alike."""
    SCENE["figures"].append(f)
    neck = [f.shoulder, step(f.shoulder, angle_of(f.shoulder, f.head), (NECK - 2) * f.s)]
    out = [polygon(f.outline(), "g")]
    out += [polyline(pts, "g") for pts in [neck] + [p for p, _ in f.far + f.near]]
    out.append(circle(f.head, HEAD_R * f.s, "g"))
    return out


def arrow_parts(pts: list[Point], head: float) -> tuple[list[Point], list[Point]]:
    """Shaft and head of an arrow along pts. The shaft stops inside the head
    so its round cap never pokes past the tip."""
    tip = pts[-1]
    back = trim_end(pts, head)[-1]
    a = angle_of(back, tip)
    tri = [tip, step(back, a - 90, head * 0.6), step(back, a + 90, head * 0.6)]
    return trim_end(pts, head * 0.6), tri


def arrow(pts: list[Point], width: float = 7, head: float = 20, both: bool = False) -> list[str]:
    """A thick accent arrow with a solid head (or heads, if both ways).

    Drawn over a paper halo so it stays readable where it crosses a line."""
    shaft, tri = arrow_parts(pts, head)
    heads = [tri]
    if both:
        shaft, tri2 = arrow_parts(shaft[::-1], head)
        heads.append(tri2)
    out = [polyline(shaft, "ah", width + 7)]
    out += [polygon(t, "ah", 6) for t in heads]
    out.append(polyline(shaft, "a", width))
    out += [polygon(t, "a", 1) for t in heads]
    return out


def floor_line(y: float, x0: float = 30, x1: float = WIDTH - 30) -> str:
    """The floor; drawn after the figure so no limb halo cuts it under a foot."""
    SCENE["ground"] = y
    return f'<polyline class="fl" points="{fmt(x0)},{fmt(y)} {fmt(x1)},{fmt(y)}"/>'


def mat(y: float, x0: float = 18, x1: float = WIDTH - 18, thick: float = 12, part: str = "mat") -> str:
    """An exercise mat or bed top whose upper edge is at y (also a pillow).

    Like the floor, a mat goes after the figure resting on it: it then hides
    the paper halos round the limbs, which would cut a gap under the body."""
    if part == "mat":
        SCENE["ground"] = y
    return (
        f'<rect{_id(part)} class="mat" x="{fmt(x0)}" y="{fmt(y)}" width="{fmt(x1 - x0)}" '
        f'height="{fmt(thick)}" rx="{fmt(thick / 2)}"/>'
    )


def mark(p: Point) -> str:
    """A support point: where the body takes its weight."""
    return circle(p, 7.5, "m")


def svg(title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}">\n'
        f"<title>{title}</title>\n"
        f"<style>{STYLE}</style>\n"
        f'<rect class="bg" width="{WIDTH}" height="{HEIGHT}" rx="12"/>\n' + "\n".join(body) + "\n</svg>\n"
    )


def centre_x(figs: list[Figure]) -> float:
    """How far to move figures right so that together they sit mid-frame."""
    xs = [p[0] for f in figs for p in f.points()]
    return WIDTH / 2 - (min(xs) + max(xs)) / 2


# --------------------------------------------------------------------------
# Standing: waist flexion and extension, waist rotation, walking backwards

FLOOR = 300  # floor line of the standing pictures


def foot_y(s: float = 1.0) -> float:
    """y of a foot's centre line when its sole is on the floor line."""
    return FLOOR - 1 - W_LEG[1] * s**WEIGHT_GROWTH / 2


def standing_hands_on_waist(pelvis=0, chest=0, neck=None, thigh=180, shin=180, ankle_x=232.0) -> Figure:
    """Side view, facing right, hands on the waist, feet planted at ankle_x;
    the angles tilt the trunk and soften the knees."""
    f = side_figure(pelvis=pelvis, chest=chest, neck=neck, near_leg=(thigh, shin, 90),
                    far_leg=(thigh + 1, shin + 1, 90))
    hand = hands_on_waist(f)
    set_arms(f, hand, [(x - 4, y + 1) for x, y in hand])
    return place(f, f.near[0][0][2], (ankle_x, foot_y()))


def waist_flexion_start():
    return "Standing, side view, feet apart, hands on the waist", [
        *draw_figure(standing_hands_on_waist()), floor_line(FLOOR),
    ]


def waist_flexion_forward():
    start = standing_hands_on_waist()
    # Knees soft (the knee is a little forward of the hip-ankle line) and the
    # hips drift back to balance the bend.
    f = standing_hands_on_waist(pelvis=40, chest=64, neck=74, thigh=164, shin=183)
    hip = f.trunk[0]
    # The arrow swings round the hips, outside the head, the way the head goes.
    r = dist(hip, start.head) + HEAD_R + 22
    return "Bending forward at the waist, hands on the waist", [
        *draw_ghost(start), *draw_figure(f), floor_line(FLOOR), *arrow(arc(hip, r, r, 4, 52)),
    ]


def waist_flexion_back():
    start = standing_hands_on_waist()
    f = standing_hands_on_waist(pelvis=-8, chest=-22, neck=-24, thigh=182, shin=188)
    hip = f.trunk[0]
    r = dist(hip, start.head) + HEAD_R + 22
    return "Leaning gently back from the waist, hands on the waist", [
        *draw_ghost(start), *draw_figure(f), floor_line(FLOOR), *arrow(arc(hip, r, r, -4, -30)),
    ]


def front_figure(cx: float, shift: float = 0, lean: float = 0) -> Figure:
    """Front view, hands on the waist with elbows out, feet shoulder-width
    apart. shift moves the hips sideways and lean tilts the trunk about them
    (clock-face degrees), as in a hip circle."""
    half_hip, half_sh = 16, 36
    ankle_y = foot_y()
    pelvis = (cx + shift, ankle_y - (THIGH + SHIN) + 2)
    up, across = heading(lean), heading(lean + 90)

    def local(u: float, v: float) -> Point:
        """u px to the figure's left (-) or right (+), v px up the trunk."""
        return (pelvis[0] + across[0] * u + up[0] * v, pelvis[1] + across[1] * u + up[1] * v)

    # Half the torso outline, shoulder to crotch; mirrored for the other half.
    # Legs keep their length: when the hips shift they sink a little, so
    # that both feet stay flat where they stand, and the knees bend.
    reach = THIGH + SHIN - 1.5
    for _ in range(4):
        far = max(dist(local(side * half_hip, 0), (cx + side * half_sh, ankle_y)) for side in (-1, 1))
        if far <= reach:
            break
        pelvis = (pelvis[0], pelvis[1] + far - reach + 0.05)
    half = [(10, 93), (25, 89), (31, 80), (27, 60), (19, 38), (22, 16), (20, 2), (6, -6)]
    torso = [local(-u, v) for u, v in half] + [local(u, v) for u, v in reversed(half)]
    shoulder = local(0, LUMBAR + THORAX)
    head = step(shoulder, lean, (NECK + HEAD_R))
    limbs = []
    for side in (-1, 1):
        hip = local(side * half_hip, 0)
        ankle = (cx + side * half_sh, ankle_y)
        toe = (ankle[0] + side * 10, ankle[1])
        # Knees bend outwards, over the toes.
        limbs.append(([hip, bend(hip, ankle, THIGH, SHIN, side=-side), ankle, toe], W_LEG))
    for side in (-1, 1):
        sh = local(side * 31, 80)
        wrist = local(side * 21, 34)
        elbow = bend(sh, wrist, UPPER_ARM, FOREARM, side=-side)
        limbs.append(([sh, elbow, wrist, local(side * 14, 27)], W_ARM))
    return Figure(s=1.0, trunk=[pelvis, shoulder], head=head, face=None, near=limbs, torso=torso)


def waist_rotation_start():
    return "Standing, front view, feet shoulder-width apart, hands on the waist", [
        *draw_figure(front_figure(240)), floor_line(FLOOR),
    ]


def waist_rotation_circle():
    start = front_figure(240)
    f = front_figure(240, shift=18, lean=-8)
    centre = lerp(f.trunk[0], f.trunk[1], 0.2)
    # The front half of a ring round the hips, its ends curling back round
    # both sides: one arrowhead for each way round.
    ring = arc(centre, 84, 28, 64, 296, 36)
    # The back of the ring, thin, passes behind the body and closes the loop.
    back = polyline(arc(centre, 84, 28, -64, 64, 16), "a", 3)
    return "Circling the hips one way, then the other, hands on the waist", [
        *draw_ghost(start), back, *draw_figure(f), floor_line(FLOOR), *arrow(ring, both=True),
    ]


def walking_start_figure(ankle_x: float) -> Figure:
    f = side_figure(pelvis=2, chest=-2, neck=1)
    arms_crossed(f)
    return place(f, f.near[0][0][2], (ankle_x, foot_y()))


def walking_backwards_start():
    return "Standing tall with the arms crossed over the chest", [
        *draw_figure(walking_start_figure(236)), floor_line(FLOOR),
    ]


def walking_backwards_step():
    # Weight on the front (far) leg, knee soft. The arms swing opposite to
    # the legs: near arm forward, far arm back.
    f = side_figure(
        pelvis=1, chest=-1, neck=1,
        far_leg=(172, 184, 90),
        near_arm=(160, 138, 140),
        far_arm=(214, 198, 194),
    )
    f = place(f, f.far[1][0][2], (250, foot_y()))
    # The near leg reaches back: toes touch the floor a step behind with the
    # heel up; the knee is solved so it bends forward, never backwards.
    hip = f.trunk[0]
    toe = (hip[0] - 46, foot_y() + 1)
    ankle = step(toe, 138 + 180, FOOT)
    f.near[0] = ([hip, bend(hip, ankle, THIGH, SHIN, side=-1), ankle, toe], W_LEG)
    ghost = walking_start_figure(350)
    y = f.trunk[1][1] - 10
    x_back = min(p[0] for p in f.points()) - 14
    return "Walking backwards: the back foot reaches behind, toes brushing the floor", [
        *draw_ghost(ghost), *draw_figure(f), floor_line(FLOOR),
        *arrow([(x_back, y), (x_back - 104, y)], head=24),
    ]


# --------------------------------------------------------------------------
# Lying on the back: arch bridge

BRIDGE_S = 1.6
BRIDGE_MAT = 222


# The neck-safe bridge: the chest rises only this much from the shoulders
# (degrees), so the shoulders and upper back stay on the bed and take the
# weight, and the head just rests; the lower back and hips rise more steeply.
BRIDGE_CHEST_RISE = 4
BRIDGE_HIP_RISE = 36


def bridge(lift: float, arms: str, dx: float = 0.0) -> Figure:
    """On the back, head to the left, knees bent, feet flat.

    Head, shoulders and feet stay put. Lifting (lift from 0, resting, to 1,
    the full bridge) raises the hips in a slope from the shoulders, with
    the upper back still on the bed (the chest tilts by BRIDGE_CHEST_RISE,
    the lower back by BRIDGE_HIP_RISE); the knee is solved between the
    lifted hip and the planted foot.
    """
    s = BRIDGE_S
    ws = s**WEIGHT_GROWTH
    shoulder = (80.0 + dx, BRIDGE_MAT - (TORSO_BACK - 2) * s - W_OUTLINE * ws / 2)
    trunk_len = (LUMBAR + THORAX) * s
    hip0 = (shoulder[0] + trunk_len, BRIDGE_MAT - TORSO_BACK * s - W_OUTLINE * ws / 2 + 1)
    knee0 = step(hip0, 47, THIGH * s)
    leg_y = BRIDGE_MAT - W_LEG[1] * ws / 2
    ankle = (knee0[0] + math.sqrt((SHIN * s) ** 2 - (leg_y - knee0[1]) ** 2), leg_y)
    if lift:
        flat = angle_of(shoulder, hip0)
        waist = step(shoulder, flat + (90 - BRIDGE_CHEST_RISE - flat) * lift, THORAX * s)
        hip = step(waist, flat + (90 - BRIDGE_HIP_RISE - flat) * lift, LUMBAR * s)
        knee = bend(hip, ankle, THIGH * s, SHIN * s, side=-1)
    else:
        knee, hip = knee0, hip0
        waist = step(hip, angle_of(shoulder, hip) + 180, LUMBAR * s)
    # The back of the head rests on the bed and the nose points at the ceiling.
    r = HEAD_R * s
    head = (shoulder[0] - (NECK + HEAD_R) * s * 0.94, BRIDGE_MAT - r - 1)
    leg = [hip, knee, ankle, (ankle[0] + FOOT * s, leg_y + 1)]
    # The far leg is just behind the near one, feet together: it moves
    # exactly as the near one does.
    far_leg = list(leg)
    no_arm: list[Point] = []  # both arms are set just below
    f = Figure(s=s, trunk=[hip, waist, shoulder], head=head, face=0, facing=1,
               near=[(leg, W_LEG), (no_arm, W_ARM)], far=[(no_arm, W_ARM), (far_leg, W_LEG)])
    if arms == "chest":
        return arms_on_chest(f)
    # The upper arm lies along the bed. At the start the forearm lies flat
    # too; in the bridge it is raised so the elbow presses into the bed.
    # The upper arm, the thicker part, rests on the bed; the forearm lies
    # along it or rises from the elbow.
    arm_y = BRIDGE_MAT - W_ARM[0] * ws / 2
    elbow = (shoulder[0] + UPPER_ARM * s * 0.98, arm_y)
    if lift:
        forearm = 90 + (16 - 90) * lift
        wrist = step(elbow, forearm, FOREARM * s)
        arm = [shoulder, elbow, wrist, step(wrist, forearm + 8 * lift, HAND * s)]
    else:
        wrist = (elbow[0] + FOREARM * s, arm_y)
        arm = [shoulder, elbow, wrist, (wrist[0] + HAND * s, arm_y)]
    return set_arms(f, arm, [(x + 3, y) for x, y in arm])


def bridge_scene(arms: str, title: str):
    start = bridge(0, arms)
    dx = centre_x([start, bridge(1, arms)])
    start, f = bridge(0, arms, dx), bridge(1, arms, dx)
    # The arrow rises from the front of the hips, the part that lifts.
    hip = f.trunk[0]
    base = (hip[0] - 8, hip[1] - 20 * f.s)
    lift = arrow([base, (base[0], base[1] - 46)], head=20)
    ankle, elbow = f.near[0][0][2], f.near[1][0][1]
    # Where the weight goes: the feet, the upper back (under the shoulder
    # blades) and, in five-point, the elbows. The head only rests: no mark.
    upper_back = step(f.shoulder, angle_of(f.shoulder, f.trunk[1]), THORAX * f.s * 0.3)
    marks = [(upper_back[0], BRIDGE_MAT), (ankle[0] + 12, BRIDGE_MAT)]
    if arms == "sides":
        marks.append((elbow[0], BRIDGE_MAT))
    return title, [*draw_ghost(start), *draw_figure(f), mat(BRIDGE_MAT), *lift, *(mark(p) for p in marks)]


def arch_bridge_start():
    start = bridge(0, "sides")
    start = start.moved(centre_x([start, bridge(1, "sides")]), 0)
    return "Lying on the back, knees bent, feet flat, arms by the sides", [
        *draw_figure(start), mat(BRIDGE_MAT),
    ]


def arch_bridge_five_point():
    return bridge_scene("sides", "Arch bridge, five-point: hips up, feet and elbows pressing, "
                                 "shoulders, upper back and head resting on the bed")


def arch_bridge_three_point():
    return bridge_scene("chest", "Arch bridge, three-point: hips up, arms folded, feet pressing, "
                                 "shoulders, upper back and head resting on the bed")


# --------------------------------------------------------------------------
# Lying face down: flying swallow

SWALLOW_S = 1.45
SWALLOW_MAT = 218


def prone(lift: float, pillow: float = 0, hip_x: float = 240.0) -> Figure:
    """Face down, head to the left, arms by the sides, legs straight.

    lift runs from 0 (lying flat) to 1 (full flying swallow). The pelvis
    stays down and is the pivot: the chest curves up through the lower and
    upper back and the straight legs rise from the hips, so the body makes a
    shallow bow, not a fold. A pillow raises the pelvis, and the chest then
    slopes down from it to the mat.
    """
    s = SWALLOW_S
    ws = s**WEIGHT_GROWTH
    rest = SWALLOW_MAT - TORSO_FRONT * s - W_OUTLINE * ws / 2 + 1
    hip = (hip_x, rest - pillow)
    # On a pillow the chest slopes from it down to the mat; lifting raises it.
    chest_rest = -90 - math.degrees(math.asin(pillow / (THORAX * s)))
    pelvis, chest = -90 + 5 * lift, chest_rest + 22 * lift
    waist = step(hip, pelvis, LUMBAR * s)
    shoulder = step(waist, chest, THORAX * s)
    # Where the head rests on the mat (forehead down, neck long); lifting
    # turns the neck with the chest, plus a little more.
    r = HEAD_R * s
    rest_shoulder = step(step(hip, -90, LUMBAR * s), chest_rest, THORAX * s)
    rest_head = (rest_shoulder[0] - (NECK + HEAD_R) * s * 0.97, SWALLOW_MAT - r - 1)
    neck = angle_of(rest_shoulder, rest_head) + (chest - chest_rest) + 6 * lift
    head = step(shoulder, neck, (NECK + HEAD_R) * s)
    # The eyes look at the mat a little ahead, so the neck stays long.
    face = neck - 90 + 50 - 25 * lift
    leg_y = SWALLOW_MAT - W_LEG[1] * ws / 2
    leg_angle = angle_of(hip, (hip[0] + (THIGH + SHIN) * s, leg_y)) - 10 * lift
    # The toes point back along the bed, never down into it.
    toes = min(leg_angle + 14, 90)
    leg = chain(hip, [(leg_angle, THIGH * s), (leg_angle, SHIN * s), (toes, FOOT * s * 0.85)])
    if pillow:
        # On a pillow the legs still rest on the bed: the thigh slopes down
        # from the raised hips to a knee on the bed, and the shin lies flat.
        knee_y = SWALLOW_MAT - W_LEG[0] * ws / 2
        knee = (hip[0] + math.sqrt((THIGH * s) ** 2 - (knee_y - hip[1]) ** 2), knee_y)
        ankle = step(knee, angle_of(knee, (knee[0] + SHIN * s, leg_y)), SHIN * s)
        leg = [hip, knee, ankle, step(ankle, 90, FOOT * s * 0.85)]
    # Arms lie along the sides, palms up; in the full lift they reach back
    # towards the feet, just clear of the mat.
    arm_y = SWALLOW_MAT - W_ARM[0] * ws / 2
    flat = angle_of(shoulder, (shoulder[0] + (UPPER_ARM + FOREARM + HAND) * s, arm_y))
    # Lifting, the arms reach back towards the feet (fully by half-way up).
    reach = 0 if pillow else min(1.0, 2 * lift)
    arm_angle = flat + (angle_of(shoulder, hip) - 8 - flat) * reach
    arm = chain(shoulder, [(arm_angle, UPPER_ARM * s), (arm_angle, FOREARM * s), (arm_angle, HAND * s)])
    f = Figure(
        s=s, trunk=[hip, waist, shoulder], head=head, face=face, facing=-1,
        near=[(leg, W_LEG), (arm, W_ARM)],
        far=[([(x + 3, y) for x, y in arm], W_ARM), (leg, W_LEG)],
    )
    if lift and not pillow:
        # The belly and the front of the hips stay on the mat: the body
        # bows up from them, it does not float.
        lowest = max(y for _, y in f.outline()) + W_OUTLINE * ws / 2
        f = f.moved(0, SWALLOW_MAT - lowest)
    return f


def flying_swallow_start():
    f = prone(0)
    f = f.moved(centre_x([f]), 0)
    return "Lying face down, arms by the sides, legs straight", [*draw_figure(f), mat(SWALLOW_MAT)]


def flying_swallow_beginner():
    height = 28
    start = prone(0, pillow=height)
    dx = centre_x([start])
    start, f = start.moved(dx, 0), prone(0.35, pillow=height).moved(dx, 0)
    # The pillow is squashed a little under the belly: its top hides under
    # the body, and it reaches past the body at both ends.
    hip, s = start.trunk[0], SWALLOW_S
    top = SWALLOW_MAT - height - 10
    pillow = mat(top, hip[0] - 64 * s, hip[0] + 10 * s, thick=SWALLOW_MAT - top + 2, part="pillow")
    sh = lerp(f.trunk[1], f.trunk[2], 0.8)
    return "Gentle version: a pillow under the belly, head and chest lift a little", [
        pillow, *draw_ghost(start), *draw_figure(f), mat(SWALLOW_MAT),
        *arrow([(sh[0], sh[1] - 30), (sh[0], sh[1] - 64)], head=18),
    ]


def flying_swallow_full():
    start = prone(0)
    dx = centre_x([start])
    start, f = start.moved(dx, 0), prone(1).moved(dx, 0)
    chest = lerp(f.trunk[1], f.trunk[2], 0.7)
    leg = f.near[0][0]
    shin = lerp(leg[1], leg[2], 0.6)
    return "Flying swallow: head, chest, arms and legs lifted together", [
        *draw_ghost(start), *draw_figure(f), mat(SWALLOW_MAT),
        *arrow([(chest[0], chest[1] - 34), (chest[0], chest[1] - 74)], head=18),
        *arrow([(shin[0], shin[1] - 20), (shin[0], shin[1] - 60)], head=18),
    ]


PICTURES = {
    "waist-flexion-and-extension-start.svg": waist_flexion_start,
    "waist-flexion-and-extension-forward.svg": waist_flexion_forward,
    "waist-flexion-and-extension-back.svg": waist_flexion_back,
    "waist-rotation-start.svg": waist_rotation_start,
    "waist-rotation-circle.svg": waist_rotation_circle,
    "arch-bridge-start.svg": arch_bridge_start,
    "arch-bridge-five-point.svg": arch_bridge_five_point,
    "arch-bridge-three-point.svg": arch_bridge_three_point,
    "flying-swallow-start.svg": flying_swallow_start,
    "flying-swallow-beginner.svg": flying_swallow_beginner,
    "flying-swallow-full.svg": flying_swallow_full,
    "walking-backwards-start.svg": walking_backwards_start,
    "walking-backwards-step.svg": walking_backwards_step,
}


def draw_checked(name: str, draw) -> tuple[str, list[str]]:
    """A picture's title and parts, once every figure in it is a pose a
    body can take, resting on (not in) its bed or floor."""
    SCENE["figures"], SCENE["ground"] = [], None
    title, body = draw()
    for f in SCENE["figures"]:
        check_pose(f, SCENE["ground"], name)
    return title, body


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    try:
        drawn = {name: draw_checked(name, draw) for name, draw in PICTURES.items()}
    except PoseError as error:
        sys.exit(f"draw_pictures.py: {error}")
    for name, (title, body) in drawn.items():
        (OUT_DIR / name).write_text(svg(title, body), encoding="utf-8", newline="\n")
        print(f"wrote {name}")
    # The moving pictures, from the same poses (scripts/moving_pictures.py).
    from moving_pictures import write_animations

    write_animations()


if __name__ == "__main__":
    main()
