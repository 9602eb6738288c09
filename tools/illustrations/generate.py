#!/usr/bin/env python3
"""Generate the ptbuilder exercise illustrations.

    python3 tools/illustrations/generate.py            # write all SVGs
    python3 tools/illustrations/generate.py bridge     # write only these ids

Output: assets/illustrations/<id>.svg (400 x 240, black line drawings).
Standard library only.  See README.md in this folder.
"""
import math
import os
import sys

sys.dont_write_bytecode = True          # keep the repository free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from figure import *  # noqa: F401,F403  (drawing kit)
import figure as F

OUT_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                        '..', '..', 'assets', 'illustrations'))

SCENES = {}


def scene(fn):
    SCENES[fn.__name__.replace('_', '-')] = fn
    return fn


def right_half(sv):
    sv.begin('translate(200 0)')


ZOOM = 1.0


def set_levels(k=1.0):
    """Resting levels on the mat for the current zoom: strokes keep their
    displayed width inside a zoomed group, so contact offsets shrink."""
    global ZOOM, ON_MAT, TORSO_MAT, HEAD_MAT
    ZOOM = k
    ON_MAT = MAT - (1.5 + LIMB / 2) / k
    TORSO_MAT = MAT - (1.5 + TOR_OUT / 2) / k
    HEAD_MAT = MAT - (1.5 + HEAD_SW / 2) / k - HR


# ======================================================= helpers
def supine(hx):
    """Lying on the back, head to the left: returns S, H, head."""
    Hp = (hx, TORSO_MAT)
    S = (hx - TOR, TORSO_MAT)
    hd = (S[0] - 18, HEAD_MAT)
    return S, Hp, hd


def prone(hx):
    """Lying on the front, head to the right: returns S, H, head."""
    Hp = (hx, TORSO_MAT)
    S = (hx + TOR, TORSO_MAT)
    hd = (S[0] + 18, HEAD_MAT)
    return S, Hp, hd


def hook_leg(Hp, reach=52, tag='hook'):
    """Knee bent, foot flat on the mat, foot towards the right."""
    return leg(Hp, (Hp[0] + reach, ON_MAT), (0, -1), 0, tag)


def arm_by_side_floor(S, direction=1):
    """Arm resting along the body (drawn over the torso, reads as the near arm)."""
    E = (S[0] + direction * UA, TORSO_MAT + 1.5)
    Wr = (E[0] + direction * (FA - 1), TORSO_MAT + 4)
    return {'pts': [S, E, Wr]}


def quadruped(kx, tag='quad'):
    """Hands and knees facing right.  kx = x of the knees.  Returns pose dict."""
    K = (kx, ON_MAT)
    Hp = (kx, ON_MAT - TH)
    Sy = ON_MAT - UA - FA
    S = (kx + (TOR ** 2 - (Hp[1] - Sy) ** 2) ** 0.5, Sy)
    Wr = (S[0], ON_MAT)
    A = (kx - SH, ON_MAT)
    lg = {'pts': [Hp, K, A], 'foot': (A, (A[0] - FOOT, ON_MAT + 1))}
    am = {'pts': [S, P(S, -90, UA), Wr]}
    return S, Hp, lg, am


def seated(hx, lean=90, tag='seat'):
    """Sitting on a chair seat facing right, thighs level, shins vertical."""
    Hp = (hx, HIP_SEAT)
    S = P(Hp, lean, TOR)
    lg = leg(Hp, (hx + TH, FOOT_Y), (1, -1), 0, tag)
    return Hp, S, lg


def standing(ax, tag='stand'):
    """Standing upright facing right, ankle at x = ax."""
    A = (ax, FOOT_Y)
    Hp = (ax, FOOT_Y - TH - SH)
    S = (ax, Hp[1] - TOR)
    hd = (ax + 2, S[1] - NECK)
    lg = {'pts': [Hp, P(Hp, -90, TH), A], 'foot': (P(A, 0, -HEEL), P(A, 0, FOOT))}
    return A, Hp, S, hd, lg


def front_chair(sv, cx, back_top=112):
    sv.rect(cx - 27, back_top, 54, SEAT - back_top, 3, rx=4)    # backrest
    sv.rect(cx - 34, SEAT, 68, 7, 3, rx=2)                     # seat
    for x in (cx - 30, cx + 30):
        sv.line((x, SEAT + 7), (x, FLOOR - 1.5), EQ)


def seated_front(cx, lean=0, tilt=0):
    """Front-view figure sitting on a chair seat; returns (Front, legs)."""
    Pc = (cx, HIP_SEAT)
    N = P(Pc, 90 + lean, TOR)
    fr = Front(N, Pc, P(N, 90 + tilt, NECK), sw=16, hw=12)
    for side in (1, -1):
        hp = fr.hip(side)
        k = (cx - side * 15, HIP_SEAT + 6)
        a = (cx - side * 16, FOOT_Y)
        fr.add_limb([hp, k, a], False, (a, (a[0] - side * 8, FOOT_Y + 1)), 'back')
    return fr


def prone_legs(Hp):
    K = (Hp[0] - TH, ON_MAT - 1)
    A = (K[0] - SH, ON_MAT)
    return {'pts': [Hp, K, A], 'foot': ((A[0] + HEEL, ON_MAT), (A[0] - FOOT + 1, ON_MAT + 1))}


def forearm_plank(ex, base, base_y, tag):
    """Straight body on the forearms; `base` = 'toes' or 'knees'."""
    E = (ex, ON_MAT)
    S = (ex, ON_MAT - UA)
    Wr = (ex + FA, ON_MAT)
    length = TOR + TH + (SH if base == 'toes' else 0)
    dy = base_y - S[1]
    B = (ex - (length ** 2 - dy ** 2) ** 0.5, base_y)
    Hp = lerp(S, B, TOR / length)
    return S, Hp, B, {'pts': [S, E, Wr]}


def side_plank_fig(sv, ex, kneel, lifted):
    """Front view of a side plank on the right forearm, head to the right:
    elbow under the shoulder, top hand on the hip."""
    E = (ex, ON_MAT)
    Sj = (ex, ON_MAT - UA)                 # supporting shoulder joint, over the elbow
    S = (ex + 2, Sj[1] - 11)               # spine end: the body's mid-line is higher
    if lifted:
        L = TOR + TH + (0 if kneel else SH)
        by = ON_MAT if kneel else ON_MAT - 6
        B = (ex - (L ** 2 - (by - S[1]) ** 2) ** 0.5, by)
        Hp = lerp(S, B, TOR / L)
        a = ang(B, S)
    else:
        Hp = (ex - (TOR ** 2 - (TORSO_MAT - S[1]) ** 2) ** 0.5, TORSO_MAT)
        B = (Hp[0] - TH - (0 if kneel else SH), ON_MAT - (0 if kneel else 6))
        a = ang(Hp, S)
    fg = Side(S, Hp, P(S, a, NECK), tag='splank')
    if kneel:
        K = B
        A = P(K, 160, 24)
        fg.leg_f = {'pts': [K, A], 'foot': None}                 # shins go back, behind
        fg.leg_n = {'pts': [Hp, K], 'foot': None}
    else:
        fg.leg_n = {'pts': [Hp, lerp(Hp, B, 0.5), B], 'foot': (B, (B[0] - 2, ON_MAT))}
    support = [S, Sj, E, (E[0] + 20, E[1])]
    fg.hooks['leg_f'] = lambda sv: limb(sv, support)
    hand = add(Hp, (3, -6))
    fg.arm_n = arm(S, hand, (0.3, -1), 'splank-top')
    fg.draw(sv)


def door_edge(sv, x, handle_y):
    sv.rect(x, 24, 8, FLOOR - 1.5 - 24, 3)
    sv.line((x, handle_y), (x - 12, handle_y), 4)
    sv.line((x - 12, handle_y - 5), (x - 12, handle_y + 5), 4)


def band(sv, hand, anchor):
    sv.line((hand[0] + 2, hand[1] - 3), anchor, 2.5)
    sv.line((hand[0] + 2, hand[1] + 3), anchor, 2.5)


def wave_path(x0, x1, y, amp=4, wl=24):
    d = 'M%s %s' % (f(x0), f(y))
    x = x0
    up = True
    while x < x1:
        d += ' q%s %s %s 0' % (f(wl / 4), f(-amp * 2 if up else amp * 2), f(wl / 2))
        x += wl / 2
        up = not up
    return d


def prone_with_pack(sv, hx=175):
    lying_zoom(sv, 200, 1.3, 120)
    S, Hp, hd = prone(hx)
    fg = Side(S, Hp, hd, tag='pack')
    fg.leg_n = fg.leg_f = prone_legs(Hp)
    fg.arm_n = fg.arm_f = arm_by_side_floor(S, -1)
    fg.draw(sv)
    top = TORSO_MAT - TOR_OUT / 2 / ZOOM
    sv.rect(hx + 2, top - 9, 32, 9, 3, rx=3)
    return (hx + 18, top - 9)


def desk(sv, x0, x1, top=146, legs=None):
    sv.rect(x0, top - 3, x1 - x0, 7, 3, rx=2)
    for x in (legs or (x0 + 8, x1 - 8)):
        sv.line((x, top + 4), (x, FLOOR - 1.5), EQ)


def monitor(sv, x, desk_top, top):
    sv.rect(x, top, 7, desk_top - 3 - 12 - top, 3, rx=2)
    sv.line((x + 4, desk_top - 15), (x + 4, desk_top - 4), 4)
    sv.line((x - 8, desk_top - 4.5), (x + 16, desk_top - 4.5), 4)


def bed(sv, x0, x1, pillow=True, top=True):
    """Bed seen from the bedside.  With `top` the mattress surface is shown
    as a shallow band (seen slightly from above) so depth reads."""
    sv.rect(x0 - 8, SEAT - 46, 10, FLOOR - 1.5 - SEAT + 46, 3, rx=2)   # headboard
    if top:
        sv.poly([(x0, SEAT), (x1, SEAT), (x1 + 6, SEAT - 14), (x0 + 6, SEAT - 14)], 3, fill='#fff', closed=True)
    sv.rect(x0, SEAT, x1 - x0, 16, 3, rx=4)
    for x in (x0 + 8, x1 - 8):
        sv.line((x, SEAT + 16), (x, FLOOR - 1.5), EQ + 1)


def lying_zoom(sv, cx, k=1.3, mat_half=125):
    """Floor across the canvas, then an enlarged group for a lying figure
    (close it with sv.end_zoom())."""
    floor(sv)
    sv.zoom(cx, FLOOR, k)
    set_levels(k)
    mat(sv, cx - mat_half, cx + mat_half)


def hand_on_body(S, x, elbow_dx=20, hand_dir=1):
    """Elbow resting on the mat beside the body, hand flat on the torso at x."""
    top = TORSO_MAT - (TOR_OUT / 2 + LIMB / 2 - 1) / ZOOM
    E = (S[0] + elbow_dx, ON_MAT - 1)
    Wr = (x, top)
    return {'pts': [S, E, Wr, (x + hand_dir * 9, top + 0.5)]}


def towel_strap(sv, hand, heel, toe, up=(0, -1)):
    u = unit(up)
    a = add(heel, mul(u, 7))
    b = add(toe, mul(u, 7))
    sv.line(a, b, 3.5)
    sv.line(add(hand, (-1, 0)), a, 3.5)
    sv.line(add(hand, (1, 0)), b, 3.5)


def standing_front(cx, sw=16, hw=11):
    """Front view, standing, feet slightly apart.  Returns the Front figure
    (legs added) and its shoulder points (viewer's left, viewer's right)."""
    Pc = (cx, FOOT_Y - TH - SH + 1)
    N = (cx, Pc[1] - TOR)
    fr = Front(N, Pc, (cx, N[1] - NECK), sw=sw, hw=hw)
    for side in (1, -1):
        hp = fr.hip(side)
        a = (cx - side * 12, FOOT_Y)
        fr.add_limb([hp, lerp(hp, a, 0.5), a], False, (a, (a[0] - side * 8, FOOT_Y + 1)), 'back')
    l, r = sorted([fr.sh(1), fr.sh(-1)], key=lambda p: p[0])
    return fr, l, r


def seated_zoom(sv, k=1.2, cx=200):
    floor(sv)
    sv.zoom(cx, FLOOR, k)


def side_lying_bed(sv):
    """Log roll, first step (front view from the bedside): lying on the side
    at the edge of the bed, knees bent over the edge, propped on the lower
    elbow with the upper hand pushing into the mattress."""
    E = (84, SEAT - 7)                         # lower elbow on the mattress
    S = (84, E[1] - UA + 4)                    # shoulder above it
    Hp = (S[0] + (TOR ** 2 - (SEAT - 7 - TOR_OUT / 2 + 1 - S[1]) ** 2) ** 0.5,
          SEAT - 7 - TOR_OUT / 2 + 1)
    a = ang(Hp, S)
    fg = Side(S, Hp, P(S, a + 8, NECK), tag='bed1')
    # knees bent at the edge: thighs point at us (short), shins hang over the edge
    K = (Hp[0] + 12, SEAT + 1)
    A = (K[0] + 4, FOOT_Y - 4)
    fg.leg_n = fg.leg_f = {'pts': [Hp, K, A], 'foot': (A, (A[0] + 9, A[1] + 2))}
    fg.hooks['leg_f'] = lambda sv: limb(sv, [S, E, (E[0] + 16, E[1] + 1)])
    hand = (Hp[0] - 16, SEAT - 4)
    fg.arm_n = arm(S, hand, (0.4, -1), 'bed-arm')
    fg.draw(sv)


# ====================================================== the scenes
# (in the order of the exercise list)

@scene
def pelvic_tilt(sv):
    lying_zoom(sv, 200)
    S, Hp, hd = supine(205)
    fg = Side(S, Hp, hd, tag='pelvic')
    fg.leg_n = fg.leg_f = hook_leg(Hp)
    fg.arm_n = fg.arm_f = hand_on_body(S, Hp[0] - 20)
    fg.draw(sv)
    arrow_arc(sv, Hp, 34, 58, 162, halo=True)
    sv.end_zoom()


@scene
def cat_cow(sv):
    floor(sv)
    for half in (0, 1):
        if half:
            right_half(sv)
        mat(sv, 12, 188)
        S, Hp, lg, am = quadruped(70)
        if half == 0:   # cat: back rounded up, head down
            hd = P(S, -62, NECK)
            fg = Side(S, Hp, hd, bulge=(0, -13), tag='cat')
            fg.order = ['leg_f', 'arm_f', 'neck', 'torso', 'head', 'leg_n', 'arm_n']
        else:           # cow: back dipped, head up
            hd = P(S, 38, NECK)
            fg = Side(S, Hp, hd, bulge=(0, 9), tag='cow')
        fg.leg_n = fg.leg_f = lg
        fg.arm_n = fg.arm_f = am
        fg.draw(sv)
        if half:
            sv.end()
    step_arrow(sv, 110)


@scene
def childs_pose(sv):
    floor(sv)
    mat(sv, 12, 188)
    S, Hp, lg, am = quadruped(72)
    fg = Side(S, Hp, P(S, 5, NECK), tag='child-start')
    fg.leg_n = fg.leg_f = lg
    fg.arm_n = fg.arm_f = am
    fg.draw(sv)
    step_arrow(sv, 110)
    right_half(sv)
    mat(sv, 12, 188)
    kx = 88
    K = (kx, ON_MAT)
    A = (kx - SH, ON_MAT)
    Hp = (kx - (TH ** 2 - 15 ** 2) ** 0.5, ON_MAT - 15)
    S = P(Hp, -8, TOR - 4)
    hd = (S[0] + 16, HEAD_MAT)
    fg = Side(S, Hp, hd, bulge=(0, -12), tag='child')
    fg.leg_n = fg.leg_f = {'pts': [Hp, K, A], 'foot': (A, (A[0] - FOOT, ON_MAT + 1))}
    fg.arm_n = fg.arm_f = arm(S, (S[0] + 53, ON_MAT), (0, -1), 'child-arm')
    fg.order = ['leg_f', 'arm_f', 'neck', 'torso', 'leg_n', 'arm_n', 'head']
    fg.draw(sv)
    sv.end()


@scene
def single_knee_to_chest(sv):
    lying_zoom(sv, 200)
    S, Hp, hd = supine(205)
    fg = Side(S, Hp, hd, tag='sktc')
    K = P(Hp, 125, TH)
    A = P(K, -8, SH)
    fg.leg_n = {'pts': [Hp, K, A], 'foot': (P(A, -25, -HEEL), P(A, -25, FOOT))}
    fg.leg_f = hook_leg(Hp)
    Wr = add(P(K, -8, 7), P((0, 0), 82, 7))
    fg.arm_n = fg.arm_f = arm(S, Wr, (-1, -0.3), 'sktc-arm')
    fg.draw(sv)
    sv.end_zoom()


@scene
def double_knee_to_chest(sv):
    lying_zoom(sv, 200)
    S, Hp, hd = supine(215)
    fg = Side(S, Hp, hd, tag='dktc')
    K = P(Hp, 125, TH)
    A = P(K, -8, SH)
    fg.leg_n = fg.leg_f = {'pts': [Hp, K, A], 'foot': (P(A, -25, -HEEL), P(A, -25, FOOT))}
    Wr = add(P(K, -8, 7), P((0, 0), 82, 7))
    fg.arm_n = fg.arm_f = arm(S, Wr, (-1, -0.3), 'dktc-arm')
    fg.draw(sv)
    sv.end_zoom()


@scene
def lower_back_rotation(sv):
    """Seen from above: lying on the back, arms out, both knees lowered to
    one side, both shoulders stay on the mat."""
    sv.rect(24, 14, 352, 210, 3, rx=6)         # mat seen from above
    sv.zoom(190, 119, 1.2)
    cy = 112
    N, Pc = (150, cy), (200, cy)
    fr = Front(N, Pc, (N[0] - NECK, cy), sw=16, hw=12)
    up, dn = fr.sh(-1), fr.sh(1)
    if up[1] > dn[1]:
        up, dn = dn, up
    fr.add_limb([up, (up[0] + 2, up[1] - UA), (up[0] + 3, up[1] - UA - FA)])
    fr.add_limb([dn, (dn[0] + 2, dn[1] + UA), (dn[0] + 3, dn[1] + UA + FA)])
    h_up, h_dn = fr.hip(-1), fr.hip(1)
    if h_up[1] > h_dn[1]:
        h_up, h_dn = h_dn, h_up
    # bottom leg (lies on the mat, partly under the other): hollow, behind
    kb, ab = (Pc[0] + 33, cy + 50), (Pc[0] + 57, cy + 24)
    fr.add_limb([h_dn, kb, ab], True, (ab, (ab[0] + 12, ab[1] + 3)), 'back')
    kt, at = (Pc[0] + 29, cy + 34), (Pc[0] + 54, cy + 8)
    fr.add_limb([h_up, kt, at], False, (at, (at[0] + 12, at[1] + 3)))
    fr.draw(sv)
    arrow_arc(sv, (Pc[0] + 10, cy + 6), 64, 28, -22, halo=True)
    sv.end_zoom()


@scene
def piriformis_stretch(sv):
    lying_zoom(sv, 200)
    S, Hp, hd = supine(210)
    fg = Side(S, Hp, hd, tag='piri')
    # supporting leg (pulled in): thigh near vertical, shin level, foot flexed
    Kf = P(Hp, 96, TH)
    Af = P(Kf, -2, SH)
    fg.leg_f = {'pts': [Hp, Kf, Af], 'foot': (P(Af, 85, -HEEL), P(Af, 85, FOOT))}
    # crossing leg: knee turned out (towards us), ankle resting on the other thigh
    An = add(lerp(Hp, Kf, 0.8), (1, 0))
    Kn = (Hp[0] + 30, Hp[1] - 22)
    fg.leg_n = {'pts': [Hp, Kn, An], 'foot': (P(An, 165, -HEEL), P(An, 165, FOOT))}
    # hands clasp behind the supporting thigh: arms drawn before that thigh
    Wr = lerp(Hp, Kf, 0.55)
    fg.arm_n = fg.arm_f = arm(S, add(Wr, (2, 0)), (0, 1), 'piri-arm')
    fg.order = ['arm_f', 'arm_n', 'leg_f', 'neck', 'torso', 'head', 'leg_n']
    fg.draw(sv)
    sv.end_zoom()


@scene
def hamstring_stretch_towel(sv):
    lying_zoom(sv, 200)
    S, Hp, hd = supine(205)
    fg = Side(S, Hp, hd, tag='hamtowel')
    K = P(Hp, 80, TH)
    A = P(K, 80, SH)
    heel, toe = P(A, 170, -HEEL - 1), P(A, 170, FOOT)
    fg.leg_n = {'pts': [Hp, K, A], 'foot': (heel, toe)}
    fg.leg_f = hook_leg(Hp)
    Wr = (Hp[0] - 27, 163)
    fg.arm_n = fg.arm_f = arm(S, Wr, (0, 1), 'hamtowel-arm')
    fg.hooks['arm_n'] = lambda sv: towel_strap(sv, Wr, heel, toe)
    fg.draw(sv)
    sv.end_zoom()


@scene
def hamstring_stretch_seated(sv):
    seated_zoom(sv, 1.15)
    chair(sv, 112)
    Hp = (148, HIP_SEAT)
    dy = FOOT_Y - 2.5 - Hp[1]
    A = (Hp[0] + ((TH + SH - 0.3) ** 2 - dy ** 2) ** 0.5, FOOT_Y - 2.5)
    S = P(Hp, 55, TOR)
    fg = Side(S, Hp, P(S, 48, NECK), tag='hamseat')
    fg.leg_n = leg(Hp, A, (0, -1), 68, 'hamseat-straight')
    fg.leg_f = leg(Hp, (Hp[0] + TH, FOOT_Y), (1, -1), 0, 'hamseat-bent')
    Wr = (Hp[0] + 33, Hp[1] + 11)
    fg.arm_n = fg.arm_f = arm(S, Wr, (-1, 0), 'hamseat-arm')
    fg.draw(sv)
    sv.end_zoom()


@scene
def hip_flexor_stretch_kneeling(sv):
    floor(sv)
    kb = 170
    sv.rect(kb - 20, 210, 40, FLOOR - 1.5 - 210, 3, rx=4)   # cushion
    Kb = (kb, 210 - 1.5 - 4.5)
    Ab = (kb - 41, 213)
    Hp = P(Kb, 72, TH)
    S = (Hp[0], Hp[1] - TOR)
    fg = Side(S, Hp, (S[0] + 2, S[1] - NECK), tag='hipflex')
    fg.leg_n = {'pts': [Hp, Kb, Ab], 'foot': (Ab, (Ab[0] - FOOT, FOOT_Y))}
    dx = (TH ** 2 - (FOOT_Y - SH - Hp[1]) ** 2) ** 0.5
    fg.leg_f = leg(Hp, (Hp[0] + dx, FOOT_Y), (1, -1), 0, 'hipflex-front')
    Wr = (Hp[0] + 5, Hp[1] - 11)
    fg.arm_n = fg.arm_f = arm(S, Wr, (-1, 0), 'hipflex-arm')
    fg.draw(sv)
    arrow(sv, (Hp[0] - 46, Hp[1] - 4), (Hp[0] - 16, Hp[1] - 4))


@scene
def doorway_chest_stretch(sv):
    floor(sv)
    fx = 170
    # the door stands open behind the person; the frame (jamb + head) in front of it
    sv.rect(fx + 14, 34, 78, FLOOR - 1.5 - 34, 3, rx=2)     # open door leaf
    sv.circle((fx + 82, 134), 4, 3)                         # door knob
    sv.rect(fx, 30, 14, FLOOR - 1.5 - 30, 3)                # door jamb
    sv.rect(fx - 26, 18, 66, 12, 3)                         # head of the frame
    Hp = (fx + 16, 145)
    S = P(Hp, 74, TOR)
    fg = Side(S, Hp, P(S, 70, NECK), tag='door')
    fg.leg_n = leg(Hp, (fx + 52, FOOT_Y), (1, 0), 0, 'door-front')
    fg.leg_f = leg(Hp, (fx - 20, FOOT_Y), (1, 0), 0, 'door-back')
    E = (fx - 5, S[1] + 2)
    fg.arm_n = fg.arm_f = {'pts': [S, E, (E[0], E[1] - FA)]}
    fg.draw(sv)
    arrow(sv, (S[0] + 24, S[1] + 20), (S[0] + 50, S[1] + 20))


@scene
def neck_side_stretch(sv):
    seated_zoom(sv)
    cx = 200
    front_chair(sv, cx)
    fr = seated_front(cx, tilt=40)
    r, l = fr.sh(1), fr.sh(-1)          # r = figure's right (viewer's left)
    fr.add_limb([r, (r[0] - 12, r[1] + 26), (cx - 8, HIP_SEAT - 5)])
    grip = (cx + 31, SEAT + 1)
    fr.add_limb([l, ik(l, grip, UA, FA, (1, 0), 'neck-arm'), grip])
    fr.draw(sv)
    arrow_arc(sv, fr.N, 44, 70, 132, halo=True)
    sv.end_zoom()


@scene
def seated_lower_back_stretch(sv):
    floor(sv)
    # start: sitting upright, hands on the thighs
    chair(sv, 28)
    Hp, S, lg = seated(52, 90, 'slbs1')
    fg = Side(S, Hp, P(S, 87, NECK), tag='slbs1')
    fg.leg_n = fg.leg_f = lg
    fg.arm_n = fg.arm_f = arm(S, (Hp[0] + 30, Hp[1] - 8), (-1, 0), 'slbs1-arm')
    fg.draw(sv)
    step_arrow(sv, 80)
    # end: curled forward over the knees, head hanging, hands down to the floor
    right_half(sv)
    chair(sv, 28)
    Hp, S, lg = seated(52, 0, 'slbs2')
    S = P(Hp, 3, TOR - 1)
    fg = Side(S, Hp, P(S, -52, NECK), bulge=(0, -11), tag='slbs2')
    fg.leg_n = fg.leg_f = lg
    fg.arm_n = fg.arm_f = arm(S, (S[0] + 17, FOOT_Y - 2), (1, 0), 'slbs2-arm')
    fg.order = ['leg_f', 'arm_f', 'neck', 'torso', 'arm_n', 'head', 'leg_n']
    fg.draw(sv)
    sv.end()


@scene
def standing_side_bend(sv):
    floor(sv)
    cx = 190
    Pc = (cx, FOOT_Y - TH - SH + 2)
    N = P(Pc, 72, TOR)
    fr = Front(N, Pc, P(N, 58, NECK), sw=16, hw=12, bulge=(-4, -1))
    for side in (1, -1):
        hp = fr.hip(side)
        a = (cx - side * 15, FOOT_Y)
        fr.add_limb([hp, lerp(hp, a, 0.5), a], False, (a, (a[0] - side * 9, FOOT_Y + 1)), 'back')
    hi, lo = fr.sh(1), fr.sh(-1)
    if hi[1] > lo[1]:
        hi, lo = lo, hi
    thigh_pt = (cx + 18, Pc[1] + 14)
    fr.add_limb([lo, ik(lo, thigh_pt, UA, FA, (1, 0), 'bend-low'), thigh_pt])
    e = P(hi, 96, UA)
    fr.add_limb([hi, e, P(e, 30, FA)])
    fr.draw(sv)
    arrow_arc(sv, Pc, 120, 64, 36, halo=True)


@scene
def calf_stretch_wall(sv):
    floor(sv)
    bx = 148
    Ab = (bx, FOOT_Y)
    Hp = P(Ab, 64, TH + SH)
    S = P(Hp, 64, TOR)
    fg = Side(S, Hp, P(S, 64, NECK), tag='calf')
    fg.leg_n = leg(Hp, Ab, (1, 0), 0, 'calf-back')
    fg.leg_f = leg(Hp, (Hp[0] + 13, FOOT_Y), (1, 0), 0, 'calf-front')
    Wr = (S[0] + 49, S[1] - 3)
    fg.arm_n = fg.arm_f = arm(S, Wr, (0, 1), 'calf-arm')
    wall(sv, Wr[0] + 6)
    fg.draw(sv)


@scene
def prone_press_up(sv):
    floor(sv)
    for half in (0, 1):
        if half:
            right_half(sv)
        mat(sv, 4, 196)
        hx = 104
        S, Hp, hd = prone(hx)
        Wr = (S[0] + 7, ON_MAT)
        if half == 0:
            fg = Side(S, Hp, hd, tag='press1')
            # elbows point up and out to the side (upper arm foreshortened)
            fg.arm_n = fg.arm_f = {'pts': [S, (S[0] - 7, S[1] - 19), Wr]}
        else:
            S2 = P(Hp, 50, TOR)
            fg = Side(S2, Hp, P(S2, 34, NECK), bulge=(4, 3), nose=-15, tag='press2')
            fg.arm_n = fg.arm_f = arm(S2, Wr, (-1, 0), 'press2-arm')
        fg.leg_n = fg.leg_f = prone_legs(Hp)
        fg.draw(sv)
        if half:
            sv.end()
    step_arrow(sv, 110)


@scene
def standing_back_bend(sv):
    floor(sv)
    for half in (0, 1):
        if half:
            right_half(sv)
        A, Hp, S, hd, lg = standing(100)
        if half:
            Hp = (A[0] + 5, A[1] - (TH + SH - 0.5) * 0.998)
            lg = leg(Hp, A, (1, 0), 0, 'sbb-leg')
            S = P(Hp, 108, TOR)
            hd = P(S, 116, NECK)
            fg = Side(S, Hp, hd, bulge=(3, 1), tag='sbb2')
        else:
            fg = Side(S, Hp, hd, tag='sbb1')
        fg.leg_n = fg.leg_f = lg
        Wr = add(Hp, (-14, -13))
        fg.arm_n = fg.arm_f = arm(S, Wr, (-1, 0.2), 'sbb-arm')
        fg.draw(sv)
        if half:
            sv.end()
    step_arrow(sv, 120)


@scene
def open_book_rotation(sv):
    """Seen from above: side-lying, hips and knees bent, head on a pillow."""
    for half in (0, 1):
        if half:
            right_half(sv)
        sv.rect(8 if half == 0 else 18, 26, 174, 190, 3, rx=6)     # mat from above
        S = (80 if half == 0 else 88, 100)
        Hp = (S[0] + TOR, S[1])
        hd = (S[0] - NECK, S[1])
        sv.rect(hd[0] - 17, hd[1] - 19, 30, 38, 3, rx=8)             # pillow
        fg = Side(S, Hp, hd, nose=(-90 if half == 0 else 90), tag='obook')
        K = (Hp[0] + 1, Hp[1] + TH)
        A = (K[0] + SH, K[1] + 1)
        fg.leg_n = {'pts': [Hp, K, A], 'foot': ((A[0], A[1] - HEEL), (A[0] + 2, A[1] + FOOT))}
        K2, A2 = add(K, (3, 4)), add(A, (3, 4))
        fg.leg_f = {'pts': [Hp, K2, A2], 'foot': ((A2[0], A2[1] - HEEL), (A2[0] + 2, A2[1] + FOOT))}
        fwd = {'pts': [S, (S[0] + 2, S[1] + UA), (S[0] + 4, S[1] + UA + FA)]}
        fg.arm_f = fwd
        if half == 0:
            fg.arm_n = fwd
        else:
            fg.arm_n = {'pts': [S, (S[0] - 2, S[1] - UA), (S[0] - 4, S[1] - UA - FA)]}
        fg.draw(sv)
        if half:
            arrow_arc(sv, S, 58, -100, -262, ry=60)
            sv.end()
    step_arrow(sv, 120)


@scene
def shoulder_rolls(sv):
    seated_zoom(sv)
    chair(sv, 150, back=False)
    Hp, S, lg = seated(172, 90, 'roll')
    fg = Side(S, Hp, P(S, 86, NECK), tag='roll')
    fg.leg_n = fg.leg_f = lg
    fg.arm_n = fg.arm_f = arm(S, (Hp[0] + 30, Hp[1] - 8), (-1, 0), 'roll-arm')
    # circle round the shoulder, drawn behind the figure: up, back, down
    fg.hooks['leg_f'] = lambda sv: arrow_arc(sv, (S[0] - 3, S[1] + 10), 23, 0, 240, size=12, half=7)
    fg.draw(sv)
    sv.end_zoom()


@scene
def bridge(sv):
    floor(sv)
    sx = 52
    alpha = 20
    S = (sx, TORSO_MAT)
    Hp2 = P(S, alpha, TOR)
    K2 = P(Hp2, alpha, TH)
    A = (K2[0] + (SH ** 2 - (ON_MAT - K2[1]) ** 2) ** 0.5, ON_MAT)
    for half in (0, 1):
        if half:
            right_half(sv)
        mat(sv, 6, 194)
        hd = (sx - 18, HEAD_MAT)
        Hp = (sx + TOR, TORSO_MAT) if half == 0 else Hp2
        fg = Side(S, Hp, hd, tag='bridge%d' % half)
        fg.leg_n = fg.leg_f = leg(Hp, A, (0, -1), 0, 'bridge-leg')
        fg.arm_n = fg.arm_f = arm_by_side_floor(S)
        fg.draw(sv)
        if half:
            sv.end()
    step_arrow(sv, 110)


@scene
def bird_dog(sv):
    floor(sv)
    for half in (0, 1):
        if half:
            right_half(sv)
        mat(sv, 4, 196)
        kx = 92
        S, Hp, lg, am = quadruped(kx)
        fg = Side(S, Hp, P(S, 4, NECK), tag='birddog')
        fg.arm_n = am
        fg.leg_f = lg
        if half == 0:
            fg.leg_n = lg
            fg.arm_f = am
        else:
            # far arm reaches forward (passes behind the head), near leg back
            fg.arm_f = arm_fk(S, 14, 14)
            K = P(Hp, 176, TH)
            A = P(K, 176, SH)
            fg.leg_n = {'pts': [Hp, K, A], 'foot': ((A[0], A[1] - HEEL), (A[0] - 1, A[1] + FOOT))}
        fg.draw(sv)
        if half:
            sv.end()
    step_arrow(sv, 100)


@scene
def plank(sv):
    lying_zoom(sv, 200, 1.2, 130)
    S, Hp, A, am = forearm_plank(262, 'toes', ON_MAT - 10, 'plank')
    a = ang(A, S)
    fg = Side(S, Hp, P(S, a, NECK), nose=a - 80, tag='plank')
    K = lerp(Hp, A, 0.5)
    lg = {'pts': [Hp, K, A], 'foot': (P(A, a - 90, -HEEL), P(A, a - 90, FOOT - 1))}
    fg.leg_n = fg.leg_f = lg
    fg.arm_n = fg.arm_f = am
    fg.draw(sv)
    sv.end_zoom()


@scene
def kneeling_plank(sv):
    lying_zoom(sv, 200, 1.25, 125)
    S, Hp, K, am = forearm_plank(252, 'knees', ON_MAT, 'kplank')
    a = ang(K, S)
    fg = Side(S, Hp, P(S, a, NECK), nose=a - 80, tag='kplank')
    A = P(K, 152, SH)
    lg = {'pts': [Hp, K, A], 'foot': (P(A, 152, -HEEL), P(A, 152, FOOT))}
    fg.leg_n = fg.leg_f = lg
    fg.arm_n = fg.arm_f = am
    fg.draw(sv)
    sv.end_zoom()


@scene
def side_plank_kneeling(sv):
    floor(sv)
    mat(sv, 4, 196)
    side_plank_fig(sv, 130, True, False)
    step_arrow(sv, 110)
    right_half(sv)
    mat(sv, 4, 196)
    side_plank_fig(sv, 130, True, True)
    sv.end()


@scene
def side_plank(sv):
    floor(sv)
    mat(sv, 4, 196)
    side_plank_fig(sv, 150, False, False)
    step_arrow(sv, 110)
    right_half(sv)
    mat(sv, 4, 196)
    side_plank_fig(sv, 150, False, True)
    sv.end()


@scene
def back_extension_prone(sv):
    floor(sv)
    for half in (0, 1):
        if half:
            right_half(sv)
        mat(sv, 4, 196)
        S, Hp, hd = prone(104)
        if half == 0:
            fg = Side(S, Hp, hd, tag='bep1')
            fg.arm_n = fg.arm_f = arm_by_side_floor(S, -1)
        else:
            a = 17
            S = P(Hp, a, TOR)
            fg = Side(S, Hp, P(S, a - 8, NECK), nose=-62, tag='bep2')
            Wr = add(P(S, a + 180, UA + FA - 4), (0, 6))
            fg.arm_n = fg.arm_f = arm(S, Wr, (0, -1), 'bep2-arm')
        fg.leg_n = fg.leg_f = prone_legs(Hp)
        fg.draw(sv)
        if half:
            sv.end()
    step_arrow(sv, 110)


@scene
def back_extension_ball(sv):
    floor(sv)
    R = 29
    for half in (0, 1):
        if half:
            right_half(sv)
        bx = 104
        bc = (bx, FLOOR - 1.5 - R - 1.5)
        sv.circle(bc, R, 3)
        Hp = (bx - 3, bc[1] - R - 1.5 - TOR_OUT / 2)
        A = (0, FOOT_Y - 11)
        A = (Hp[0] - ((TH + SH - 0.2) ** 2 - (A[1] - Hp[1]) ** 2) ** 0.5, A[1])
        lg = {'pts': [Hp, lerp(Hp, A, 0.5), A], 'foot': ((A[0], A[1] - HEEL), (A[0] + 1, A[1] + FOOT - 1))}
        a = ang(A, Hp)
        if half == 0:
            S = P(bc, 14, R + 1.5 + TOR_OUT / 2 + 0.5)
            mid = lerp(S, Hp, 0.5)
            bul = mul(unit(sub(mid, bc)), 6)
            fg = Side(S, Hp, P(S, -80, NECK), bulge=bul, tag='ball1')
            fg.arm_n = fg.arm_f = arm(S, (S[0] + 32, FOOT_Y - 2), (1, -0.3), 'ball1-arm')
        else:
            S = P(Hp, a, TOR)
            fg = Side(S, Hp, P(S, a - 6, NECK), nose=a - 80, tag='ball2')
            E = P(S, a - 125, 22)
            fg.arm_n = fg.arm_f = {'pts': [S, E, P(E, a + 12, 21)]}
        fg.leg_n = fg.leg_f = lg
        fg.draw(sv)
        if half:
            sv.end()
    step_arrow(sv, 90)


@scene
def dead_bug(sv):
    floor(sv)
    for half in (0, 1):
        if half:
            right_half(sv)
        mat(sv, 6, 196)
        S, Hp, hd = supine(100)
        fg = Side(S, Hp, hd, tag='deadbug')
        up = arm_fk(S, 90, 90)
        K = (Hp[0], Hp[1] - TH)
        A = (K[0] + SH, K[1])
        table = {'pts': [Hp, K, A], 'foot': ((A[0], A[1] + HEEL), (A[0] + 1, A[1] - FOOT))}
        fg.leg_f = table
        fg.arm_n = up
        if half == 0:
            fg.arm_f = up
            fg.leg_n = table
        else:
            # far arm lowers back overhead (behind the head), near leg straightens low
            fg.arm_f = arm_fk(S, 160, 160)
            lg = leg_fk(Hp, 13, 13)
            A2 = lg['pts'][2]
            lg['foot'] = (P(A2, 100, -HEEL), P(A2, 100, FOOT))
            fg.leg_n = lg
        fg.draw(sv)
        if half:
            sv.end()
    step_arrow(sv, 100)


@scene
def chin_tuck(sv):
    seated_zoom(sv)
    chair(sv, 150)
    Hp, S, lg = seated(176, 90, 'chin')
    hd = (S[0] + 1, S[1] - NECK)
    sv.circle((hd[0] + 15, hd[1]), HR, HEAD_SW, dash='4 4')       # where the head started
    fg = Side(S, Hp, hd, nose=0, tag='chin')
    fg.leg_n = fg.leg_f = lg
    fg.arm_n = fg.arm_f = arm(S, (Hp[0] + 30, Hp[1] - 8), (-1, 0), 'chin-arm')
    fg.draw(sv)
    arrow(sv, (hd[0] + 30, hd[1] - 27), (hd[0] - 2, hd[1] - 27))
    sv.end_zoom()


@scene
def shoulder_blade_squeeze(sv):
    """Seen from behind, sitting on a stool, elbows bent at the sides."""
    seated_zoom(sv)
    cx = 200
    Pc = (cx, HIP_SEAT)
    N = (cx, HIP_SEAT - TOR)
    for side in (1, -1):
        k = (cx - side * 15, HIP_SEAT + 9)
        a = (cx - side * 16, FOOT_Y)
        limb(sv, [k, a], False, (a, (a[0] - side * 6, FOOT_Y + 1)))
    stool(sv, cx, 30)
    fr = Front(N, Pc, (cx, N[1] - NECK), sw=16, hw=12)
    for side in (1, -1):
        s = (cx + side * 19, N[1] + 9)
        e = (cx + side * 23, N[1] + 9 + UA - 1)
        fr.add_limb([s, e, (e[0] + side * 5, e[1] + 6)])

    def blades(sv):
        for side in (1, -1):
            x = cx + side * 4
            sv.poly([(x, N[1] + 13), (x + side * 9, N[1] + 12), (x + side * 2, N[1] + 28)], 3, closed=True)
        sv.line((cx, N[1] + 8), (cx, Pc[1] - 8), 2.5)          # spine
    fr.hooks['torso'] = blades
    fr.draw(sv)
    y = N[1] + 20
    arrow(sv, (cx - 66, y), (cx - 33, y))
    arrow(sv, (cx + 66, y), (cx + 33, y))
    sv.end_zoom()


@scene
def wall_posture(sv):
    floor(sv)
    wx = 150
    wall(sv, wx)
    face = wx + 14 + 1.5
    x = face + TOR_OUT / 2
    A = (face + HEEL + 4.5 + 0.5, FOOT_Y)
    Hp = (x, FOOT_Y - TH - SH)
    S = (x, Hp[1] - TOR)
    hd = (face + HEAD_SW / 2 + HR, 0)
    hd = (hd[0], S[1] - (NECK ** 2 - (hd[0] - S[0]) ** 2) ** 0.5)
    fg = Side(S, Hp, hd, nose=0, tag='wall')
    fg.leg_n = fg.leg_f = leg(Hp, A, (1, 0), 0, 'wall-leg')
    fg.arm_n = fg.arm_f = {'pts': [S, (S[0] + 1, S[1] + UA), (S[0] + 3, S[1] + UA + FA)]}
    fg.draw(sv)


@scene
def clamshell(sv):
    """Front view, lying on the left side, head resting on the lower arm,
    hips and knees bent, feet together; the top knee opens upwards."""
    lying_zoom(sv, 205)
    S, Hp = (158, TORSO_MAT), (208, TORSO_MAT)
    hd = (S[0] - 18, ON_MAT - (LIMB / 2 + HEAD_SW / 2) / ZOOM - HR)
    fg = Side(S, Hp, hd, tag='clam')
    under = {'pts': [S, (S[0] - UA, ON_MAT), (S[0] - UA - FA, ON_MAT)]}
    fg.hooks['leg_f'] = lambda sv: limb(sv, under['pts'])
    fg.arm_n = arm(S, add(Hp, (-3, -12)), (0.2, -1), 'clam-arm')
    ab = (Hp[0] + 58, ON_MAT - 3)
    fg.leg_f = None
    bottom = {'pts': [Hp, (Hp[0] + 31, ON_MAT), ab], 'foot': (ab, (ab[0] + 10, ab[1] + 1))}
    at = (ab[0] - 2, ab[1] - 9)
    fg.leg_n = {'pts': [Hp, (Hp[0] + 25, Hp[1] - 33), at], 'foot': (at, (at[0] + 10, at[1] + 1))}
    fg.hooks['torso'] = lambda sv: limb(sv, bottom['pts'], False, bottom['foot'])
    fg.draw(sv)
    arrow_arc(sv, Hp, 56, -10, 40, halo=True)
    sv.end_zoom()


@scene
def sit_to_stand(sv):
    floor(sv)

    def crossed(S):
        E = P(S, -58, 26)
        return {'pts': [S, E, (S[0] + 8, S[1] + 4)]}
    chair(sv, 34)
    Hp, S, lg = seated(58, 84, 'sts1')
    A = (Hp[0] + TH - 5, FOOT_Y)
    fg = Side(S, Hp, P(S, 84, NECK), tag='sts1')
    fg.leg_n = fg.leg_f = leg(Hp, A, (1, -1), 0, 'sts1-leg')
    fg.arm_n = fg.arm_f = crossed(S)
    fg.draw(sv)
    step_arrow(sv, 120)
    right_half(sv)
    chair(sv, 34)
    A, Hp, S, hd, lg = standing(A[0])
    fg = Side(S, Hp, hd, tag='sts2')
    fg.leg_n = fg.leg_f = lg
    fg.arm_n = fg.arm_f = crossed(S)
    fg.draw(sv)
    sv.end()


@scene
def heel_raise(sv):
    floor(sv)
    for half in (0, 1):
        if half:
            right_half(sv)
        cb = 130
        chair(sv, cb)
        A, Hp, S, hd, lg = standing(94)
        if half:
            lift = FOOT * math.sin(math.radians(48))
            A, Hp, S, hd = [(p[0], p[1] - lift) for p in (A, Hp, S, hd)]
            lg = {'pts': [Hp, P(Hp, -90, TH), A], 'foot': (P(A, -48, -HEEL), P(A, -48, FOOT))}
        fg = Side(S, Hp, hd, tag='heel')
        fg.leg_n = fg.leg_f = lg
        top = (cb - 6, SEAT - 66)
        fg.arm_n = fg.arm_f = arm(S, (top[0] - 1, top[1] - 2), (0, 1), 'heel-arm')
        fg.draw(sv)
        if half:
            arrow(sv, (A[0] - 20, FOOT_Y - 2), (A[0] - 20, FOOT_Y - 30), size=10, half=6)
            sv.end()
    step_arrow(sv, 70)


@scene
def band_row(sv):
    floor(sv)
    for half in (0, 1):
        if half:
            right_half(sv)
        chair(sv, 18)
        Hp, S, lg = seated(42, 90, 'row')
        hy = S[1] + 8
        door_edge(sv, 170, hy)
        fg = Side(S, Hp, P(S, 87, NECK), tag='row%d' % half)
        fg.leg_n = fg.leg_f = lg
        if half == 0:
            Wr = (S[0] + 52, hy)
            fg.arm_n = fg.arm_f = arm(S, Wr, (0, 1), 'row1-arm')
        else:
            Wr = (S[0] + 12, S[1] + 30)
            fg.arm_n = fg.arm_f = arm(S, Wr, (-1, 0.2), 'row2-arm')
        fg.hooks['leg_n'] = lambda sv, Wr=Wr: band(sv, Wr, (158, hy))
        fg.draw(sv)
        if half:
            arrow(sv, (S[0] + 66, S[1] + 4), (S[0] + 34, S[1] + 4), size=11, half=6.5)
            sv.end()
    step_arrow(sv, 70)


@scene
def abdominal_bracing(sv):
    lying_zoom(sv, 200)
    S, Hp, hd = supine(205)
    fg = Side(S, Hp, hd, tag='brace')
    fg.leg_n = fg.leg_f = hook_leg(Hp)
    fg.arm_n = fg.arm_f = hand_on_body(S, Hp[0] - 24)
    fg.draw(sv)
    x, y = Hp[0] - 20, TORSO_MAT - 36
    arrow(sv, (x - 34, y), (x - 7, y), size=11, half=6.5)
    arrow(sv, (x + 26, y), (x - 1, y), size=11, half=6.5, halo=True)
    sv.end_zoom()


@scene
def walking(sv):
    floor(sv)
    hx = 196
    Hp = (hx, FOOT_Y - 81)
    S = P(Hp, 86, TOR)
    fg = Side(S, Hp, P(S, 84, NECK), tag='walk')
    fg.leg_f = leg(Hp, (hx + 30, FOOT_Y - 2), (1, 0), 18, 'walk-front')
    Ab = (hx - 32, FOOT_Y - 8)
    fg.leg_n = leg(Hp, Ab, (1, 0), -38, 'walk-back')
    fg.arm_n = arm_fk(S, -62, -22)
    fg.arm_f = arm_fk(S, -116, -100)
    fg.draw(sv)


@scene
def swimming(sv):
    wy = 120
    sv.zoom(200, wy, 1.25)
    sv.path(wave_path(-30, 430, wy), 3)
    hx = 172
    Hp = (hx, wy + 7)
    S = (hx + TOR, wy + 4)
    hd = (S[0] + 18, wy + 3)
    fg = Side(S, Hp, hd, nose=-35, tag='swim')
    fg.arm_n = arm_fk(S, 116, -12)
    fg.arm_f = arm_fk(S, -9, -6)
    fg.leg_n = leg_fk(Hp, 186, 177, 177)
    fg.leg_f = leg_fk(Hp, 177, 185, 185)
    fg.draw(sv)
    sv.end_zoom()
    sv.path(wave_path(60, 140, wy + 52, 3, 20), 2.5)
    sv.path(wave_path(260, 340, wy + 70, 3, 20), 2.5)


@scene
def cycling(sv):
    floor(sv)
    # stationary bike (thin lines)
    sv.rect(116, 211, 166, FLOOR - 1.5 - 211, 3, rx=3)
    C = (196, 170)
    fw = (256, 178)
    sv.line((150, 211), (154, 124), EQ + 1)            # seat post
    sv.line((153, 150), C, EQ + 1)                     # frame
    sv.line(C, fw, EQ + 1)
    sv.line((266, 211), (236, 102), EQ + 1)            # front post
    sv.circle(fw, 24, EQ)                              # flywheel
    sv.circle(fw, 5, 3)
    sv.line((236, 102), (214, 97), 6)                  # handlebar
    sv.line((140, 121), (168, 121), 7)                 # saddle
    Hp = (156, 121 - 3.5 - TOR_OUT / 2)
    S = P(Hp, 68, TOR)
    fg = Side(S, Hp, P(S, 56, NECK), tag='bike')
    pn = P(C, -50, 15)
    pf = P(C, 130, 15)
    fg.leg_n = leg(Hp, add(pn, (-7, -6)), (1, -0.3), -15, 'bike-near')
    fg.leg_f = leg(Hp, add(pf, (-7, -6)), (1, -0.3), -15, 'bike-far')
    fg.arm_n = fg.arm_f = arm(S, (216, 97), (0, 1), 'bike-arm')

    def crank(sv):
        sv.line(pf, pn, 4)
        sv.circle(C, 6, 3)
    fg.hooks['leg_n'] = crank
    fg.draw(sv)


@scene
def heat_pack(sv):
    c = prone_with_pack(sv)
    heat_waves(sv, c[0], c[1] - 7, 3, 11, 28)
    sv.end_zoom()


@scene
def cold_pack(sv):
    c = prone_with_pack(sv)
    snowflake(sv, (c[0], c[1] - 25), 15)
    sv.end_zoom()


@scene
def heat_cold_alternating(sv):
    c = prone_with_pack(sv)
    heat_waves(sv, c[0] - 30, c[1] - 7, 3, 10, 28)
    snowflake(sv, (c[0] + 32, c[1] - 22), 14)
    arrow(sv, (c[0] - 12, c[1] - 22), (c[0] + 12, c[1] - 22), both=True, size=10, half=6)
    sv.end_zoom()


@scene
def diaphragmatic_breathing(sv):
    lying_zoom(sv, 200)
    S, Hp, hd = supine(205)
    fg = Side(S, Hp, hd, tag='breath')
    fg.leg_n = fg.leg_f = hook_leg(Hp)
    fg.arm_n = hand_on_body(S, Hp[0] - 24, 22)
    fg.arm_f = hand_on_body(S, S[0] + 12, 4)
    fg.draw(sv)
    x = Hp[0] - 19
    arrow(sv, (x, TORSO_MAT - 26), (x, TORSO_MAT - 56), size=12, half=7)
    sv.end_zoom()


@scene
def progressive_muscle_relaxation(sv):
    lying_zoom(sv, 200, 1.25)
    S, Hp, hd = supine(185)
    pc = (Hp[0] + 40, MAT - 1.5 / ZOOM - 9)
    sv.ellipse(pc, 21, 9, 3)                          # pillow under the knees
    fg = Side(S, Hp, hd, tag='pmr')
    K = (pc[0] - 1, pc[1] - 9 - (1.5 + LIMB / 2) / ZOOM)
    A = (K[0] + (SH ** 2 - (ON_MAT - K[1]) ** 2) ** 0.5, ON_MAT)
    fg.leg_n = fg.leg_f = {'pts': [Hp, K, A], 'foot': (P(A, 25, -HEEL), P(A, 25, FOOT))}
    fg.arm_n = fg.arm_f = arm_by_side_floor(S)
    fg.draw(sv)
    sv.end_zoom()


@scene
def sitting_posture(sv):
    floor(sv)
    chair(sv, 96, back_h=72)
    Hp = (109, HIP_SEAT)
    S = P(Hp, 92, TOR)
    hd = P(S, 88, NECK)
    fg = Side(S, Hp, hd, nose=0, tag='sit')
    fg.leg_n = fg.leg_f = leg(Hp, (Hp[0] + TH, FOOT_Y), (1, -1), 0, 'sit-leg')
    E = P(S, -86, UA)
    Wr = P(E, 24, FA)
    fg.arm_n = fg.arm_f = {'pts': [S, E, Wr]}
    dt = Wr[1] + 4.5 + 3 + 4
    desk(sv, 124, 304, dt, legs=(210, 296))
    sv.rect(Wr[0] - 8, dt - 3 - 5, 28, 5, 2.5, rx=1.5)          # keyboard
    monitor(sv, 262, dt, hd[1] - 6)
    fg.draw(sv)


@scene
def safe_lifting(sv):
    floor(sv)
    # squat: hips back and down, straight back, box close between the knees
    A = (90, FOOT_Y)
    Hp = (56, 177)
    S = P(Hp, 40, TOR)
    fg = Side(S, Hp, P(S, 30, NECK), nose=10, tag='lift1')
    lg = leg(Hp, A, (1, -0.7), 0, 'lift1-leg')
    fg.leg_n = fg.leg_f = lg
    box = (88, 180, 38, FLOOR - 1.5 - 180)
    fg.arm_n = fg.arm_f = arm(S, (106, 194), (0.3, 1), 'lift1-arm')
    fg.hooks['leg_n'] = lambda sv: sv.rect(*box, sw=3, rx=2)
    fg.draw(sv)
    step_arrow(sv, 90)
    right_half(sv)
    A, Hp, S, hd, lg = standing(84)
    fg = Side(S, Hp, hd, nose=0, tag='lift2')
    fg.leg_n = fg.leg_f = lg
    box = (S[0] + 12, S[1] + 28, 38, 36)
    Wr = (S[0] + 20, S[1] + 47)
    fg.arm_n = fg.arm_f = arm(S, Wr, (-1, 0.4), 'lift2-arm')
    fg.hooks['leg_n'] = lambda sv: sv.rect(*box, sw=3, rx=2)
    fg.draw(sv)
    sv.end()


@scene
def hydration(sv):
    floor(sv)
    # glass
    g = [(132, 86), (188, 86), (181, 219), (139, 219)]
    sv.poly(g, 4, fill='#fff', closed=True)
    sv.path(wave_path(134, 186, 112, 3, 13), 3)
    for c, r in (((152, 150), 3.5), ((166, 176), 3), ((156, 196), 2.5)):
        sv.circle(c, r, 2.5)
    # bottle
    sv.path('M226 219 L226 104 Q226 88 240 82 L240 66 L260 66 L260 82 Q274 88 274 104 L274 219 Z', 4, fill='#fff')
    sv.rect(236, 48, 28, 18, 4, rx=3)
    sv.path(wave_path(228, 272, 110, 3, 11), 3)
    sv.line((226, 150), (274, 150), 3)
    sv.line((226, 180), (274, 180), 3)
    # drop
    sv.path('M315 70 C315 70 300 92 300 102 A15 15 0 0 0 330 102 C330 92 315 70 315 70 Z', 4, fill='#fff')


@scene
def movement_breaks(sv):
    floor(sv)
    chair(sv, 60)
    desk(sv, 236, 384, 146, legs=(250, 376))
    monitor(sv, 340, 146, 92)
    fr, l, r = standing_front(166)
    for s, sgn in ((l, 1), (r, -1)):
        e = P(s, 90 + sgn * 22, UA)
        fr.add_limb([s, e, P(e, 90 + sgn * 14, FA)])
    fr.draw(sv)
    c = (300, 50)
    sv.circle(c, 22, 4)
    sv.line(c, (c[0], c[1] - 14), 4)
    sv.line(c, (c[0] + 10, c[1] + 3), 4)


@scene
def getting_out_of_bed(sv):
    floor(sv)
    # 1: lying on the side at the edge of the bed, knees bent (front view)
    bed(sv, 14, 186)
    sv.ellipse((46, SEAT - 11), 19, 5, 3)
    side_lying_bed(sv)
    step_arrow(sv, 96)
    # 2: pushed up to sitting on the edge of the bed, legs down (front view)
    right_half(sv)
    bed(sv, 14, 186)
    sv.ellipse((46, SEAT - 11), 19, 5, 3)
    cx = 108
    fr = seated_front(cx, lean=14, tilt=6)
    l_sh, r_sh = sorted([fr.sh(1), fr.sh(-1)], key=lambda p: p[0])
    push = (cx - 38, SEAT - 5)
    fr.add_limb([l_sh, ik(l_sh, push, UA, FA, (-1, 0), 'bed-push'), push])
    push2 = (cx + 26, SEAT - 5)
    fr.add_limb([r_sh, ik(r_sh, push2, UA, FA, (1, 0), 'bed-push2'), push2])
    fr.draw(sv)
    arrow_arc(sv, (cx, HIP_SEAT), 66, 150, 104, halo=True)
    sv.end()


# ==== END SCENES


def main(argv):
    ids = argv[1:] or sorted(SCENES)
    os.makedirs(OUT_DIR, exist_ok=True)
    for i in ids:
        if i not in SCENES:
            sys.exit('unknown illustration id: %s' % i)
        F.WARNINGS.clear()
        set_levels(1.0)
        sv = Svg()
        SCENES[i](sv)
        with open(os.path.join(OUT_DIR, i + '.svg'), 'w') as fh:
            fh.write(sv.render())
        for w in F.WARNINGS:
            print('warning [%s] %s' % (i, w), file=sys.stderr)
    print('wrote %d illustration(s) to %s' % (len(ids), OUT_DIR))


if __name__ == '__main__':
    main(sys.argv)
