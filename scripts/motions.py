"""What each moving picture shows: the exercise's poses (from
scripts/draw_pictures.py), at the pace its steps ask for.

The steps say: lift slowly, hold for a slow count of 2, lower gently, and
rest a moment before the next one. Each motion is phases of (seconds, pose
from, pose to); a phase whose two poses are the same is a hold. Every loop
starts and ends resting in the start position.

`frames` are the still pictures the motion moves between, in order: the
site describes the moving picture with their alt text, so both say the
same thing in every language. `level` is the version of the exercise it
shows ("" for both, where the versions move alike).
"""

from __future__ import annotations

import math

import draw_pictures as dp
from moving_pictures import Cue, Motion

# Standing, the feet rest a pixel above the floor line: a joint near it may
# stray a little more between keyframes than one on a bed (moving_pictures.fit).
STANDING_STRAY = 0.9

# The pace of the steps, in seconds.
REST = 1.2  # resting in the start position before each go
MOVE = 2.0  # a slow lift or bend
HOLD = 2.0  # a slow count of 2
BACK = 2.0  # a gentle lower, or coming back up


def during(*spans: tuple[float, float], fade: float = 0.3):
    """Visible from start to end of each span (seconds), fading in and out."""

    def opacity(t: float) -> float:
        for start, end in spans:
            if start - fade <= t <= end + fade:
                return max(0.0, min(1.0, (t - start + fade) / fade, (end + fade - t) / fade))
        return 0.0

    return opacity


def lift_and_lower(top: float) -> list[tuple[float, float, float]]:
    return [(REST, 0, 0), (MOVE, 0, top), (HOLD, top, top), (BACK, top, 0)]


# --------------------------------------------------------------------------
# Arch bridge


def bridge_motion(name: str, arms: str, still: str, level: str) -> Motion:
    dx = dp.centre_x([dp.bridge(0, arms), dp.bridge(1, arms)])
    lifted = dp.bridge(1, arms, dx)
    hip = lifted.trunk[0]
    base = (hip[0] - 8, hip[1] - 20 * lifted.s)
    arrow = dp.arrow([base, (base[0], base[1] - 46)], head=20)
    return Motion(
        name=name,
        frames=("arch-bridge-start.svg", still),
        level=level,
        pose=lambda u: dp.bridge(u, arms, dx),
        phases=lift_and_lower(1),
        scene=lambda: [*dp.draw_ghost(dp.bridge(0, arms, dx)), dp.mat(dp.BRIDGE_MAT)],
        cues=[Cue(arrow, opacity=during((REST, REST + MOVE)))],
        root="chest",
    )


# --------------------------------------------------------------------------
# Flying swallow


def swallow_motion(name: str, still: str, level: str, top: float, pillow: float) -> Motion:
    dx = dp.centre_x([dp.prone(0, pillow=pillow)])

    def pose(u: float) -> dp.Figure:
        return dp.prone(u, pillow=pillow).moved(dx, 0)

    lifted = pose(top)
    chest = dp.lerp(lifted.trunk[1], lifted.trunk[2], 0.7)
    arrows = dp.arrow([(chest[0], chest[1] - 30), (chest[0], chest[1] - 64)], head=18)
    if not pillow:
        leg = lifted.near[0][0]
        shin = dp.lerp(leg[1], leg[2], 0.6)
        arrows += dp.arrow([(shin[0], shin[1] - 20), (shin[0], shin[1] - 56)], head=18)

    def scene() -> list[str]:
        parts = []
        if pillow:
            hip, s = pose(0).trunk[0], dp.SWALLOW_S
            top_y = dp.SWALLOW_MAT - pillow - 10
            parts.append(dp.mat(top_y, hip[0] - 64 * s, hip[0] + 10 * s, thick=dp.SWALLOW_MAT - top_y + 2, part="pillow"))
        return [*parts, *dp.draw_ghost(pose(0)), dp.mat(dp.SWALLOW_MAT)]

    return Motion(
        name=name,
        frames=("flying-swallow-start.svg", still),
        level=level,
        pose=pose,
        phases=lift_and_lower(top),
        scene=scene,
        cues=[Cue(arrows, opacity=during((REST, REST + MOVE)))],
    )


# --------------------------------------------------------------------------
# Waist flexion and extension

FORWARD = dict(pelvis=40, chest=64, neck=74, thigh=164, shin=183)
BACKWARD = dict(pelvis=-8, chest=-22, neck=-24, thigh=182, shin=188)
UPRIGHT = dict(pelvis=0, chest=0, neck=0, thigh=180, shin=180)


def bend(u: float) -> dp.Figure:
    """u from -1 (leaning fully back) through 0 (upright) to 1 (bent fully
    forward); each joint's angle in proportion."""
    target = FORWARD if u >= 0 else BACKWARD
    a = abs(u)
    angles = {key: UPRIGHT[key] + (target[key] - UPRIGHT[key]) * a for key in UPRIGHT}
    return dp.standing_hands_on_waist(**angles)


def flexion_motion(name: str, level: str, forward: float, back: float) -> Motion:
    phases = [(REST, 0, 0), (MOVE, 0, forward), (HOLD, forward, forward), (BACK, forward, 0),
              (REST / 2, 0, 0), (MOVE * 0.8, 0, -back), (HOLD, -back, -back), (BACK * 0.8, -back, 0)]
    starts = [sum(p[0] for p in phases[:i]) for i in range(len(phases))]
    start = dp.standing_hands_on_waist()
    hip = bend(forward).trunk[0]
    r = dp.dist(hip, start.head) + dp.HEAD_R + 12
    ahead = dp.arrow(dp.arc(hip, r, r, 4, 4 + 48 * forward))
    hip = bend(-back).trunk[0]
    r = dp.dist(hip, start.head) + dp.HEAD_R + 12
    behind = dp.arrow(dp.arc(hip, r, r, -4, -4 - 26 * back))
    return Motion(
        name=name,
        frames=("waist-flexion-and-extension-start.svg", "waist-flexion-and-extension-forward.svg",
                "waist-flexion-and-extension-back.svg"),
        level=level,
        pose=bend,
        phases=phases,
        scene=lambda: [*dp.draw_ghost(start), dp.floor_line(dp.FLOOR)],
        cues=[Cue(ahead, opacity=during((starts[1], starts[2]))),
              Cue(behind, opacity=during((starts[5], starts[6])))],
        stray=STANDING_STRAY,
    )


# --------------------------------------------------------------------------
# Waist rotation: the hips go round, one way and then the other

RING = (84, 28)  # the ring round the hips: half its width and height


def rotation_motion() -> Motion:
    def phase(u: float) -> float:
        """Where the hips are on their circle (radians): once one way for
        u from 0 to 1, then once back the other way, u from 1 to 2."""
        return 2 * math.pi * (u if u <= 1 else 2 - u)

    def pose(u: float) -> dp.Figure:
        a = phase(u)
        return dp.front_figure(240, shift=18 * math.sin(a), lean=-8 * math.sin(a))

    start = pose(0)
    centre = dp.lerp(start.trunk[0], start.trunk[1], 0.2)
    ring = dp.polyline(dp.arc(centre, *RING, 0, 360, 32), "a", 3)
    dot = dp.circle((0, 0), 8, "a")
    phases = [(REST, 0, 0), (4.0, 0, 1), (REST / 2, 1, 1), (4.0, 1, 2)]
    motion = Motion(
        name="waist-rotation",
        frames=("waist-rotation-start.svg", "waist-rotation-circle.svg"),
        level="",
        pose=pose,
        phases=phases,
        # No dashed start position: the hips sway only a little, and the
        # ring and its dot show the way round.
        scene=lambda: [ring, dp.floor_line(dp.FLOOR)],
        ease=lambda a: a,
        stray=STANDING_STRAY,
    )

    def turn(t: float) -> float:
        # The dot goes round the ring with the hips: at the front (bottom
        # of the ring) when they are in the middle, at the side they sway to.
        return -math.degrees(phase(u_at(motion, t)))

    motion.cues = [Cue([dot], turn=turn, ring=(centre, RING))]
    return motion


def u_at(motion: Motion, t: float) -> float:
    """The pose parameter at time t of the loop."""
    t0 = 0.0
    for seconds, u0, u1 in motion.phases:
        if t <= t0 + seconds:
            return u0 + (u1 - u0) * motion.ease((t - t0) / seconds)
        t0 += seconds
    return motion.phases[0][1]


# --------------------------------------------------------------------------
# Walking backwards: the picture follows the walker, and the floor's marks
# slide forwards under the feet, at the feet's speed.

STRIDE = 28  # each foot's reach in front of and behind the hips
STEP = 1.4  # seconds a step takes: small, slow steps
LIFT = 16  # how high the swinging foot's heel rises
TOE_DOWN = 30  # degrees the swinging foot tips, toes brushing the floor
MARKS = 2 * STRIDE  # spacing of the floor marks: a step's length


def walking_pose(u: float) -> dp.Figure:
    """u from 0 to 2: two steps back, first the near foot, then the far."""
    reach = dp.THIGH + dp.SHIN - 1
    height = math.sqrt(reach**2 - STRIDE**2)
    hip = (240.0, dp.foot_y() - height)
    f = dp.side_figure(pelvis=2, chest=-2, neck=1)
    f = dp.arms_crossed(dp.place(f, f.trunk[0], hip))

    def leg(phase: float) -> list[dp.Point]:
        """phase 0 to 1: planted, sliding forward under the body (the body
        goes back); 1 to 2: swinging back, toes brushing the floor."""
        if phase < 1:
            x, lift, tip = -STRIDE + 2 * STRIDE * phase, 0.0, 0.0
        else:
            a = phase - 1
            x, lift, tip = STRIDE - 2 * STRIDE * dp_smooth(a), LIFT * math.sin(math.pi * a), TOE_DOWN * math.sin(math.pi * a)
        ankle = (hip[0] + x, dp.foot_y() - lift)
        knee = dp.bend(hip, ankle, dp.THIGH, dp.SHIN, side=-1)
        return [hip, knee, ankle, dp.step(ankle, 90 + tip, dp.FOOT)]

    f.near[0] = (leg((u + 1) % 2), dp.W_LEG)
    f.far[1] = (leg(u % 2), dp.W_LEG)
    return f


def dp_smooth(a: float) -> float:
    return a * a * (3 - 2 * a)


def walking_motion() -> Motion:
    ticks = [dp.polyline([(x, dp.FLOOR + 5), (x - 8, dp.FLOOR + 13)], "fl")
             for x in range(30 - 2 * MARKS, dp.WIDTH + 2 * MARKS, MARKS)]
    seconds = 2 * STEP
    y = 120
    arrow = dp.arrow([(150, y), (60, y)], head=24)
    return Motion(
        name="walking-backwards",
        frames=("walking-backwards-start.svg", "walking-backwards-step.svg"),
        level="",
        pose=walking_pose,
        phases=[(seconds, 0, 2)],
        scene=lambda: [dp.floor_line(dp.FLOOR)],
        overlay=lambda: arrow,
        cues=[Cue(ticks, shift=lambda t: (2 * MARKS * t / seconds, 0.0), clip=(30, dp.FLOOR, dp.WIDTH - 60, 16))],
        ease=lambda a: a,
        stray=STANDING_STRAY,
    )


MOTIONS = [
    flexion_motion("waist-flexion-and-extension-beginner", "beginner", forward=0.6, back=0.5),
    flexion_motion("waist-flexion-and-extension-progressed", "progressed", forward=1.0, back=1.0),
    rotation_motion(),
    bridge_motion("arch-bridge-five-point", "sides", "arch-bridge-five-point.svg", "beginner"),
    bridge_motion("arch-bridge-three-point", "chest", "arch-bridge-three-point.svg", "progressed"),
    swallow_motion("flying-swallow-beginner", "flying-swallow-beginner.svg", "beginner", top=0.35, pillow=28),
    swallow_motion("flying-swallow-full", "flying-swallow-full.svg", "progressed", top=1.0, pillow=0),
    walking_motion(),
]
