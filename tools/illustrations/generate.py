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


# ======================================================= common poses
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


def straight_leg_floor(Hp, direction=1):
    """Leg lying straight on the mat (direction +1 = to the right)."""
    K = (Hp[0] + direction * TH * 0.995, ON_MAT - 1)
    A = (K[0] + direction * SH, ON_MAT)
    return {'pts': [Hp, K, A], 'foot': None}


def arm_by_side_floor(S, direction=1):
    E = (S[0] + direction * UA * 0.99, ON_MAT - 2)
    Wr = (E[0] + direction * FA, ON_MAT - 1)
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


# ====================================================== the scenes
@scene
def pelvic_tilt(sv):
    floor(sv)
    mat(sv, 60, 340)
    S, Hp, hd = supine(195)
    fg = Side(S, Hp, hd, tag='pelvic')
    fg.leg_n = fg.leg_f = hook_leg(Hp)
    fg.arm_n = fg.arm_f = arm_by_side_floor(S)
    fg.draw(sv)
    arrow_arc(sv, Hp, 32, 62, 160)


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
    fg = Side(S, Hp, P(S, 12, NECK), tag='child-start')
    fg.leg_n = fg.leg_f = lg
    fg.arm_n = fg.arm_f = am
    fg.draw(sv)
    step_arrow(sv, 110)
    right_half(sv)
    mat(sv, 12, 188)
    kx = 92
    K = (kx, ON_MAT)
    A = (kx - SH, ON_MAT)
    Hp = (kx - (TH ** 2 - 15 ** 2) ** 0.5, ON_MAT - 15)
    S = P(Hp, 2, TOR)
    hd = (S[0] + 17, HEAD_MAT)
    fg = Side(S, Hp, hd, bulge=(0, -3), tag='child')
    fg.leg_n = fg.leg_f = {'pts': [Hp, K, A], 'foot': (A, (A[0] - FOOT, ON_MAT + 1))}
    Wr = (S[0] + 52, ON_MAT)
    fg.arm_n = fg.arm_f = arm(S, Wr, (0, 1), 'child-arm')
    fg.order = ['leg_f', 'arm_f', 'neck', 'torso', 'leg_n', 'arm_n', 'head']
    fg.draw(sv)
    sv.end()


@scene
def single_knee_to_chest(sv):
    floor(sv)
    mat(sv, 60, 340)
    S, Hp, hd = supine(205)
    fg = Side(S, Hp, hd, tag='sktc')
    K = P(Hp, 125, TH)
    A = P(K, -8, SH)
    fg.leg_n = {'pts': [Hp, K, A], 'foot': (P(A, -25, -HEEL), P(A, -25, FOOT))}
    fg.leg_f = hook_leg(Hp)
    Wr = add(P(K, -8, 10), (0, -5))
    fg.arm_n = fg.arm_f = arm(S, Wr, (0, 1), 'sktc-arm')
    fg.draw(sv)


@scene
def double_knee_to_chest(sv):
    floor(sv)
    mat(sv, 80, 320)
    S, Hp, hd = supine(215)
    fg = Side(S, Hp, hd, tag='dktc')
    K = P(Hp, 128, TH)
    A = P(K, -10, SH)
    fg.leg_n = {'pts': [Hp, K, A], 'foot': (P(A, -25, -HEEL), P(A, -25, FOOT))}
    K2 = P(Hp, 122, TH)
    A2 = P(K2, -4, SH)
    fg.leg_f = {'pts': [Hp, K2, A2], 'foot': (P(A2, -20, -HEEL), P(A2, -20, FOOT))}
    Wr = add(P(K, -10, 9), (0, -5))
    fg.arm_n = fg.arm_f = arm(S, Wr, (0, 1), 'dktc-arm')
    fg.draw(sv)


@scene
def lower_back_rotation(sv):
    """Seen from above: lying on the back, arms out, both knees lowered to
    one side, both shoulders stay on the mat."""
    sv.rect(40, 22, 320, 196, 3, rx=6)         # mat seen from above
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
    kb, ab = (Pc[0] + 31, cy + 46), (Pc[0] + 55, cy + 20)
    fr.add_limb([h_dn, kb, ab], True, (ab, (ab[0] + 12, ab[1] + 3)), 'back')
    kt, at = (Pc[0] + 30, cy + 34), (Pc[0] + 54, cy + 8)
    fr.add_limb([h_up, kt, at], False, (at, (at[0] + 12, at[1] + 3)))
    fr.draw(sv)
    arrow_arc(sv, (Pc[0] + 10, cy + 6), 62, 28, -22, halo=True)


@scene
def piriformis_stretch(sv):
    floor(sv)
    mat(sv, 70, 330)
    S, Hp, hd = supine(215)
    fg = Side(S, Hp, hd, tag='piri')
    Kf = P(Hp, 105, TH)
    Af = P(Kf, -5, SH)
    fg.leg_f = {'pts': [Hp, Kf, Af], 'foot': (P(Af, 80, -HEEL), P(Af, 80, FOOT))}
    An = add(Kf, (6, -5))
    Kn = (Hp[0] + 27, Hp[1] - 24)
    fg.leg_n = {'pts': [Hp, Kn, An], 'foot': (P(An, 150, -HEEL), P(An, 150, FOOT))}
    Wr = lerp(Hp, Kf, 0.74)
    fg.arm_n = fg.arm_f = arm(S, Wr, (0, 1), 'piri-arm')
    # hands go behind the supporting thigh: draw arms before it
    fg.order = ['arm_f', 'arm_n', 'leg_f', 'neck', 'torso', 'head', 'leg_n']
    fg.draw(sv)


def towel_loop(sv, hand, a, b, up):
    """A towel strap from `hand` looped round a foot segment a-b; `up` is the
    screen direction of the sole."""
    u = unit(up)
    pa = add(a, mul(u, 7.5))
    pb = add(b, mul(u, 7.5))
    ps = [add(hand, (-2, 0)), add(pb, mul(unit(sub(pb, pa)), 3)), add(pa, mul(unit(sub(pa, pb)), 3)), add(hand, (3, 1))]
    sv.poly(ps, 7, closed=True)
    sv.poly(ps, 2.2, color='#fff', closed=True)


@scene
def hamstring_stretch_towel(sv):
    floor(sv)
    mat(sv, 60, 340)
    S, Hp, hd = supine(205)
    fg = Side(S, Hp, hd, tag='hamtowel')
    K = P(Hp, 80, TH)
    A = P(K, 80, SH)
    heel, toe = P(A, 170, -HEEL), P(A, 170, FOOT)
    fg.leg_n = {'pts': [Hp, K, A], 'foot': (heel, toe)}
    fg.leg_f = hook_leg(Hp)
    Wr = (Hp[0] - 20, 166)
    fg.arm_n = fg.arm_f = arm(S, Wr, (0, 1), 'hamtowel-arm')
    fg.hooks['arm_n'] = lambda sv: towel_loop(sv, Wr, heel, toe, (0, -1))
    fg.draw(sv)


@scene
def hamstring_stretch_seated(sv):
    floor(sv)
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
    fx = 196
    sv.rect(fx, 26, 14, FLOOR - 1.5 - 26, 3)              # door jamb
    sv.rect(fx - 22, 14, 58, 12, 3)                        # head of the frame
    Ab, Af = (fx - 32, FOOT_Y), (fx + 36, FOOT_Y)
    Hp = (fx + 2, 143)
    S = P(Hp, 80, TOR)
    fg = Side(S, Hp, P(S, 78, NECK), tag='door')
    fg.leg_n = leg(Hp, Af, (1, 0), 0, 'door-front')
    fg.leg_f = leg(Hp, Ab, (1, 0), 0, 'door-back')
    E = (fx - 5, S[1] + 2)
    am = {'pts': [S, E, (E[0], E[1] - FA)]}
    fg.arm_f = am
    fg.arm_n = am
    fg.draw(sv)
    arrow(sv, (S[0] + 20, S[1] + 16), (S[0] + 46, S[1] + 16))


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


@scene
def neck_side_stretch(sv):
    floor(sv)
    cx = 200
    front_chair(sv, cx)
    fr = seated_front(cx, tilt=34)
    r, l = fr.sh(1), fr.sh(-1)          # r = figure's right (viewer's left)
    fr.add_limb([r, (r[0] - 12, r[1] + 26), (cx - 10, HIP_SEAT - 5)])
    fr.add_limb([l, ik(l, (cx + 31, SEAT + 1), UA, FA, (1, 0), 'neck-arm'), (cx + 31, SEAT + 1)])
    fr.draw(sv)
    arrow_arc(sv, fr.N, 44, 72, 128, halo=True)


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
    step_arrow(sv, 120)
    right_half(sv)
    chair(sv, 28)
    Hp, S, lg = seated(52, 18, 'slbs2')
    fg = Side(S, Hp, P(S, -62, NECK), bulge=(-2, -8), tag='slbs2')
    fg.leg_n = fg.leg_f = lg
    fg.arm_n = fg.arm_f = arm(S, (S[0] + 6, FOOT_Y - 3), (1, 0), 'slbs2-arm')
    fg.draw(sv)
    sv.end()


@scene
def standing_side_bend(sv):
    floor(sv)
    cx = 190
    Pc = (cx, FOOT_Y - TH - SH + 2)
    N = P(Pc, 70, TOR)
    fr = Front(N, Pc, P(N, 60, NECK), sw=16, hw=12, bulge=(-6, -1))
    for side in (1, -1):
        hp = fr.hip(side)
        a = (cx - side * 15, FOOT_Y)
        fr.add_limb([hp, lerp(hp, a, 0.5), a], False, (a, (a[0] - side * 9, FOOT_Y + 1)), 'back')
    hi, lo = fr.sh(1), fr.sh(-1)
    if hi[1] > lo[1]:
        hi, lo = lo, hi
    thigh_pt = (cx + 17, Pc[1] + 16)
    fr.add_limb([lo, ik(lo, thigh_pt, UA, FA, (1, 0), 'bend-low'), thigh_pt])
    e = P(hi, 100, UA)
    fr.add_limb([hi, e, P(e, 28, FA)])
    fr.draw(sv)
    arrow_arc(sv, Pc, 118, 64, 34, halo=True)


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


def prone_legs(Hp):
    K = (Hp[0] - TH, ON_MAT - 1)
    A = (K[0] - SH, ON_MAT)
    return {'pts': [Hp, K, A], 'foot': ((A[0] + HEEL, ON_MAT), (A[0] - FOOT + 1, ON_MAT + 1))}


@scene
def prone_press_up(sv):
    floor(sv)
    for half in (0, 1):
        if half:
            right_half(sv)
        mat(sv, 4, 196)
        hx = 100
        S, Hp, hd = prone(hx)
        Wr = (S[0] + 4, ON_MAT)
        if half == 0:
            fg = Side(S, Hp, hd, tag='press1')
            fg.arm_n = fg.arm_f = arm(S, Wr, (-0.4, -1), 'press1-arm')
        else:
            S2 = P(Hp, 52, TOR)
            fg = Side(S2, Hp, P(S2, 36, NECK), bulge=(4, 3), nose=-15, tag='press2')
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
            Hp = (A[0] + 7, Hp[1] + 1)
            lg = leg(Hp, A, (1, 0), 0, 'sbb-leg')
            S = P(Hp, 110, TOR)
            hd = P(S, 118, NECK)
            fg = Side(S, Hp, hd, bulge=(4, 1), tag='sbb2')
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
        sv.rect(8, 26, 184, 190, 3, rx=6)                  # mat from above
        S = (82, 102)
        Hp = (S[0] + TOR, S[1])
        hd = (S[0] - NECK, S[1])
        sv.rect(hd[0] - 17, hd[1] - 19, 30, 38, 3, rx=8)    # pillow
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
            arrow_arc(sv, S, 64, -100, -262, ry=62)
            sv.end()
    step_arrow(sv, 120)


@scene
def shoulder_rolls(sv):
    floor(sv)
    chair(sv, 150)
    Hp, S, lg = seated(176, 90, 'roll')
    fg = Side(S, Hp, P(S, 86, NECK), tag='roll')
    fg.leg_n = fg.leg_f = lg
    fg.arm_n = fg.arm_f = arm(S, (Hp[0] + 30, Hp[1] - 8), (-1, 0), 'roll-arm')
    fg.draw(sv)
    arrow_arc(sv, S, 25, 10, 255, halo=True, size=12, half=7)


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
        fg = Side(S, Hp, P(S, 12, NECK), tag='birddog')
        fg.leg_n = lg
        fg.arm_f = am
        if half == 0:
            fg.leg_f = lg
            fg.arm_n = am
        else:
            fg.arm_n = arm_fk(S, 10, 10)
            K = P(Hp, 176, TH)
            A = P(K, 176, SH)
            fg.leg_f = {'pts': [Hp, K, A], 'foot': ((A[0], A[1] - HEEL), (A[0] - 1, A[1] + FOOT))}
        fg.draw(sv)
        if half:
            sv.end()
    step_arrow(sv, 100)


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


@scene
def plank(sv):
    floor(sv)
    mat(sv, 70, 330)
    S, Hp, A, am = forearm_plank(262, 'toes', ON_MAT - 10, 'plank')
    a = ang(A, S)
    fg = Side(S, Hp, P(S, a, NECK), nose=a - 80, tag='plank')
    K = lerp(Hp, A, 0.5)
    lg = {'pts': [Hp, K, A], 'foot': (P(A, a - 90, -HEEL), P(A, a - 90, FOOT - 1))}
    fg.leg_n = fg.leg_f = lg
    fg.arm_n = fg.arm_f = am
    fg.draw(sv)


@scene
def kneeling_plank(sv):
    floor(sv)
    mat(sv, 80, 320)
    S, Hp, K, am = forearm_plank(252, 'knees', ON_MAT, 'kplank')
    a = ang(K, S)
    fg = Side(S, Hp, P(S, a, NECK), nose=a - 80, tag='kplank')
    A = P(K, 152, SH)
    lg = {'pts': [Hp, K, A], 'foot': (P(A, 152, -HEEL), P(A, 152, FOOT))}
    fg.leg_n = fg.leg_f = lg
    fg.arm_n = fg.arm_f = am
    fg.draw(sv)


def side_plank_fig(sv, ex, kneel, lifted):
    """Front view of a side plank on the right forearm, head to the right."""
    E = (ex, ON_MAT)
    Sb = (ex, ON_MAT - UA)

    def build(theta):
        d = (math.cos(math.radians(theta)), -math.sin(math.radians(theta)))
        t = perp(d)                      # towards the top side of the body
        if t[1] > 0:
            t = mul(t, -1)
        N = add(add(Sb, mul(t, 13)), mul(d, 4))
        Pc = sub(N, mul(d, TOR))
        return d, t, N, Pc

    if lifted:
        reach = TH if kneel else TH + SH
        lo, hi = 0.0, 60.0
        for _ in range(60):              # solve: lowest knee/ankle just clears the mat
            th = (lo + hi) / 2
            d, t, N, Pc = build(th)
            low = sub(sub(Pc, mul(t, 7)), mul(d, reach))
            if low[1] > ON_MAT - (1 if kneel else 6):
                hi = th
            else:
                lo = th
        d, t, N, Pc = build(th)
    else:
        lo, hi = 0.0, 80.0
        for _ in range(60):              # solve: bottom hip resting on the mat
            th = (lo + hi) / 2
            d, t, N, Pc = build(th)
            if add(Pc, mul(t, -8))[1] > TORSO_MAT + 1:
                lo = th
            else:
                hi = th
        d, t, N, Pc = build(th)
    fr = Front(N, Pc, add(N, mul(d, NECK)), sw=16, hw=11)
    tops = sorted([fr.sh(1), fr.sh(-1)], key=lambda p: p[1])
    sh_top = tops[0]
    hips = sorted([fr.hip(1), fr.hip(-1)], key=lambda p: p[1])
    hip_t, hip_b = hips
    # legs
    if lifted:
        back = mul(d, -1)
    else:
        back = (-1, 0)
    if kneel:
        kb = add(hip_b, mul(back, TH))
        if not lifted:
            kb = (kb[0], ON_MAT - 1)
        kt = sub(kb, mul(t, 9))
        kt = add(kt, mul(t, 18))
        for hp, k, hollow in ((hip_b, kb, True), (hip_t, kt, False)):
            sh_end = P(k, 150 if lifted else 140, 24)
            fr.add_limb([hp, k, sh_end], hollow, None, 'back' if hollow else 'front')
    else:
        ab = add(hip_b, mul(back, TH + SH))
        if not lifted:
            ab = (ab[0], ON_MAT - 3)
        at = add(ab, mul(t, 10))
        for hp, a, hollow in ((hip_b, ab, True), (hip_t, at, False)):
            fr.add_limb([hp, lerp(hp, a, 0.5), a], hollow, (a, P(a, 235, 8)), 'back' if hollow else 'front')
    # supporting arm (elbow under the shoulder, forearm towards the viewer)
    sb = tops[1]
    fr.add_limb([sb, E, (E[0] + 18, E[1])], False, None, 'front')
    # top arm: hand on the top hip
    hand = add(hip_t, mul(t, 3))
    fr.add_limb([sh_top, ik(sh_top, hand, UA, FA, t, 'sp-top'), hand], False, None, 'front')
    fr.draw(sv)


@scene
def side_plank_kneeling(sv):
    floor(sv)
    mat(sv, 4, 196)
    side_plank_fig(sv, 140, True, False)
    step_arrow(sv, 110)
    right_half(sv)
    mat(sv, 4, 196)
    side_plank_fig(sv, 140, True, True)
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
        S, Hp, hd = prone(100)
        if half == 0:
            fg = Side(S, Hp, hd, tag='bep1')
            fg.arm_n = fg.arm_f = arm_by_side_floor(S, -1)
        else:
            S = P(Hp, 17, TOR)
            fg = Side(S, Hp, P(S, 8, NECK), nose=-62, tag='bep2')
            fg.arm_n = fg.arm_f = arm(S, (Hp[0] - 3, ON_MAT - 11), (0, -1), 'bep2-arm')
        fg.leg_n = fg.leg_f = prone_legs(Hp)
        fg.draw(sv)
        if half:
            sv.end()
    step_arrow(sv, 110)


@scene
def back_extension_ball(sv):
    floor(sv)
    for half in (0, 1):
        if half:
            right_half(sv)
        bx = 104
        bc = (bx, FLOOR - 1.5 - 32 - 1.5)
        sv.circle(bc, 32, 3)
        Hp = (bx - 3, bc[1] - 33.5 - 10.5)
        A = (0, FOOT_Y - 11)
        A = (Hp[0] - ((TH + SH - 0.2) ** 2 - (A[1] - Hp[1]) ** 2) ** 0.5, A[1])
        lg = {'pts': [Hp, lerp(Hp, A, 0.5), A], 'foot': ((A[0], A[1] - HEEL), (A[0] + 1, A[1] + FOOT - 1))}
        a = ang(A, Hp)
        if half == 0:
            S = P(bc, 22, 44)
            mid = lerp(S, Hp, 0.5)
            bul = mul(unit(sub(mid, bc)), 5)
            fg = Side(S, Hp, P(S, -65, NECK), bulge=bul, tag='ball1')
            fg.arm_n = fg.arm_f = arm(S, (S[0] + 12, FOOT_Y - 2), (1, 0), 'ball1-arm')
        else:
            S = P(Hp, a, TOR)
            fg = Side(S, Hp, P(S, a - 4, NECK), nose=a - 75, tag='ball2')
            fg.arm_n = fg.arm_f = arm(S, P(S, a + 183, UA + FA - 1), (0, -1), 'ball2-arm')
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
        mat(sv, 4, 196)
        S, Hp, hd = supine(94)
        fg = Side(S, Hp, hd, tag='deadbug')
        up = arm_fk(S, 90, 90)
        K = (Hp[0], Hp[1] - TH)
        A = (K[0] + SH, K[1])
        table = {'pts': [Hp, K, A], 'foot': ((A[0], A[1] + HEEL), (A[0] + 1, A[1] - FOOT))}
        fg.leg_n = table
        fg.arm_f = up
        if half == 0:
            fg.arm_n = up
            fg.leg_f = table
        else:
            fg.arm_n = arm_fk(S, 146, 146)
            lg = leg_fk(Hp, 14, 14)
            A2 = lg['pts'][2]
            lg['foot'] = (P(A2, 100, -HEEL), P(A2, 100, FOOT))
            fg.leg_f = lg
        fg.draw(sv)
        if half:
            sv.end()
    step_arrow(sv, 100)


@scene
def chin_tuck(sv):
    floor(sv)
    chair(sv, 150)
    Hp, S, lg = seated(176, 90, 'chin')
    hd = (S[0] + 1, S[1] - NECK)
    head(sv, (hd[0] + 11, hd[1] - 1), 0, dash='5 4')        # where the head was
    fg = Side(S, Hp, hd, nose=0, tag='chin')
    fg.leg_n = fg.leg_f = lg
    fg.arm_n = fg.arm_f = arm(S, (Hp[0] + 30, Hp[1] - 8), (-1, 0), 'chin-arm')
    fg.draw(sv)
    arrow(sv, (hd[0] + 62, hd[1] - 2), (hd[0] + 34, hd[1] - 2))


@scene
def shoulder_blade_squeeze(sv):
    """Seen from behind, sitting on a stool."""
    floor(sv)
    cx = 200
    Pc = (cx, HIP_SEAT)
    N = (cx, HIP_SEAT - TOR)
    fr = Front(N, Pc, (cx, N[1] - NECK), sw=17, hw=12)
    for side in (1, -1):
        k = (cx - side * 15, HIP_SEAT + 9)
        a = (cx - side * 16, FOOT_Y)
        fr.add_limb([k, a], False, (a, (a[0] - side * 6, FOOT_Y + 1)), 'back')
    stool_hook = lambda sv: stool(sv, cx, 30)
    for side in (1, -1):
        s = fr.sh(side)
        e = (s[0] + side * 8, s[1] + UA - 1)
        fr.add_limb([s, e, (e[0] + side * 4, e[1] + 7)])

    def blades(sv):
        for side in (1, -1):
            x = cx + side * 4
            sv.poly([(x, N[1] + 9), (x + side * 10, N[1] + 8), (x + side * 2, N[1] + 27)], 3, closed=True)
        sv.line((cx, N[1] + 6), (cx, Pc[1] - 6), 2.5)          # spine
    fr.hooks['torso'] = blades
    sv_stool = stool_hook
    for ps, hollow, foot, layer in fr.limbs:
        if layer == 'back':
            limb(sv, ps, hollow, foot)
    sv_stool(sv)
    fr.limbs = [l for l in fr.limbs if l[3] != 'back']
    fr.draw(sv)
    y = N[1] + 17
    arrow(sv, (cx - 64, y), (cx - 30, y))
    arrow(sv, (cx + 64, y), (cx + 30, y))


@scene
def wall_posture(sv):
    floor(sv)
    wx = 120
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
    fg.arm_n = fg.arm_f = arm(S, (S[0] + 3, Hp[1] + 4), (-0.3, 0), 'wall-arm')
    fg.draw(sv)
    for y in (hd[1], S[1] + 16, Hp[1] + 2, FOOT_Y - 1):     # contact points
        sv.circle((face + 0.5, y), 4.2, 0, fill='#000')


@scene
def clamshell(sv):
    """Front view, lying on the left side, head resting on the lower arm."""
    floor(sv)
    mat(sv, 60, 340)
    y = 196
    N, Pc = (150, y), (200, y + 2)
    fr = Front(N, Pc, (N[0] - 18, ON_MAT - 4.5 - 2 - HR), sw=16, hw=12)
    shs = sorted([fr.sh(1), fr.sh(-1)], key=lambda p: p[1])
    hps = sorted([fr.hip(1), fr.hip(-1)], key=lambda p: p[1])
    sh_t, sh_b = shs
    hip_t, hip_b = hps
    # lower arm along the mat under the head
    fr.add_limb([sh_b, (sh_b[0] - UA, ON_MAT), (sh_b[0] - UA - FA, ON_MAT - 1)], False, None, 'back')
    # upper arm: hand on the mat in front of the chest
    hand = (N[0] + 30, ON_MAT)
    fr.add_limb([sh_t, ik(sh_t, hand, UA, FA, (0.3, -1), 'clam-arm'), hand])
    # legs: bottom leg on the mat, top knee opened upwards, feet together
    ab = (Pc[0] + 58, ON_MAT - 5)
    fr.add_limb([hip_b, (Pc[0] + 31, ON_MAT - 1), ab], False, (ab, (ab[0] + 10, ab[1] + 1)), 'back')
    at = (ab[0] - 2, ab[1] - 9)
    kt = (Pc[0] + 27, hip_t[1] - 29)
    fr.add_limb([hip_t, kt, at], False, (at, (at[0] + 10, at[1] + 1)))
    fr.draw(sv)
    arrow_arc(sv, hip_t, 56, -12, 36, halo=True)


@scene
def sit_to_stand(sv):
    floor(sv)

    def crossed(S):
        E = P(S, -72, UA)
        return {'pts': [S, E, (S[0] + 7, S[1] + 3)]}
    chair(sv, 34)
    Hp, S, lg = seated(58, 86, 'sts1')
    A = (Hp[0] + TH - 5, FOOT_Y)
    fg = Side(S, Hp, P(S, 86, NECK), tag='sts1')
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
        cb = 132
        chair(sv, cb)
        A, Hp, S, hd, lg = standing(88)
        if half:
            lift = FOOT_Y - (FOOT_Y - FOOT * math.sin(math.radians(48)))
            A, Hp, S, hd = [(p[0], p[1] - lift) for p in (A, Hp, S, hd)]
            lg = {'pts': [Hp, P(Hp, -90, TH), A], 'foot': (P(A, -48, -HEEL), P(A, -48, FOOT))}
        fg = Side(S, Hp, hd, tag='heel')
        fg.leg_n = fg.leg_f = lg
        top = (cb - 5, SEAT + EQ / 2 - 64)
        fg.arm_n = fg.arm_f = arm(S, (top[0] - 2, top[1] - 3), (0, 1), 'heel-arm')
        fg.draw(sv)
        if half:
            arrow(sv, (A[0] - 20, FOOT_Y - 2), (A[0] - 20, FOOT_Y - 30), size=10, half=6)
            sv.end()
    step_arrow(sv, 70)


def door_edge(sv, x, handle_y):
    sv.rect(x, 24, 8, FLOOR - 1.5 - 24, 3)
    sv.line((x, handle_y), (x - 12, handle_y), 4)
    sv.line((x - 12, handle_y - 5), (x - 12, handle_y + 5), 4)


def band(sv, hand, anchor):
    sv.line((hand[0] + 2, hand[1] - 3), anchor, 2.5)
    sv.line((hand[0] + 2, hand[1] + 3), anchor, 2.5)


@scene
def band_row(sv):
    floor(sv)
    for half in (0, 1):
        if half:
            right_half(sv)
        chair(sv, 18)
        Hp, S, lg = seated(42, 90, 'row')
        hy = S[1] + 8
        door_edge(sv, 186, hy)
        fg = Side(S, Hp, P(S, 87, NECK), tag='row%d' % half)
        fg.leg_n = fg.leg_f = lg
        if half == 0:
            Wr = (S[0] + 52, hy)
            fg.arm_n = fg.arm_f = arm(S, Wr, (0, 1), 'row1-arm')
        else:
            Wr = (S[0] + 12, S[1] + 30)
            fg.arm_n = fg.arm_f = arm(S, Wr, (-1, 0.2), 'row2-arm')
        fg.hooks['leg_n'] = lambda sv, Wr=Wr: band(sv, Wr, (174, hy))
        fg.draw(sv)
        if half:
            arrow(sv, (S[0] + 60, S[1] - 12), (S[0] + 30, S[1] - 12))
            sv.end()
    step_arrow(sv, 70)


def hands_on_body(S, Wr, elbow_dx=22):
    E = (S[0] + elbow_dx, ON_MAT - 1)
    return {'pts': [S, E, Wr]}


@scene
def abdominal_bracing(sv):
    floor(sv)
    mat(sv, 60, 340)
    S, Hp, hd = supine(205)
    fg = Side(S, Hp, hd, tag='brace')
    fg.leg_n = fg.leg_f = hook_leg(Hp)
    Wr = (Hp[0] - 16, TORSO_MAT - TOR_OUT / 2 - 4)
    fg.arm_n = fg.arm_f = hands_on_body(S, Wr)
    fg.draw(sv)
    y = Wr[1] - 24
    arrow(sv, (Wr[0] - 42, y), (Wr[0] - 12, y), size=11, half=6.5)
    arrow(sv, (Wr[0] + 30, y), (Wr[0] + 2, y), size=11, half=6.5, halo=True)


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


def wave_path(x0, x1, y, amp=4, wl=24):
    d = 'M%s %s' % (f(x0), f(y))
    x = x0
    up = True
    while x < x1:
        d += ' q%s %s %s 0' % (f(wl / 4), f(-amp * 2 if up else amp * 2), f(wl / 2))
        x += wl / 2
        up = not up
    return d


@scene
def swimming(sv):
    wy = 122
    hx = 150
    Hp = (hx, wy + 6)
    S = (hx + TOR, wy + 3)
    hd = (S[0] + 18, wy + 1)
    fg = Side(S, Hp, hd, nose=-40, tag='swim')
    fg.arm_n = arm_fk(S, 112, -12)
    fg.arm_f = arm_fk(S, -12, -8)
    fg.leg_n = leg_fk(Hp, 184, 176, 176)
    fg.leg_f = leg_fk(Hp, 176, 186, 186)
    fg.draw(sv)
    sv.path(wave_path(6, 394, wy), 3)
    sv.path(wave_path(60, 140, wy + 40, 3, 20), 2.5)
    sv.path(wave_path(250, 330, wy + 56, 3, 20), 2.5)


@scene
def cycling(sv):
    floor(sv)
    # stationary bike
    sv.rect(118, 211, 164, FLOOR - 1.5 - 211, 3, rx=3)
    C = (188, 176)
    sv.circle((250, 176), 26, EQ)                      # flywheel
    sv.circle((250, 176), 6, 3)
    sv.line((168, 211), (160, 124), EQ + 1)            # seat post
    sv.line((162, 146), C, EQ + 1)
    sv.line(C, (250, 176), EQ + 1)
    sv.line((250, 211), (236, 100), EQ + 1)            # front post
    sv.line((236, 100), (218, 96), 6)                  # handlebar
    sv.line((146, 121), (174, 121), 7)                 # saddle
    Hp = (160, 121 - 3.5 - TOR_OUT / 2)
    S = P(Hp, 68, TOR)
    fg = Side(S, Hp, P(S, 56, NECK), tag='bike')
    pn = P(C, -35, 15)
    pf = P(C, 145, 15)
    An = add(pn, (-6, -6))
    Af = add(pf, (-6, -6))
    fg.leg_n = leg(Hp, An, (1, -0.4), -18, 'bike-near')
    fg.leg_f = leg(Hp, Af, (1, -0.4), -18, 'bike-far')
    Wr = (219, 97)
    fg.arm_n = fg.arm_f = arm(S, Wr, (0, 1), 'bike-arm')

    def crank(sv):
        sv.line(pf, pn, 4)
        sv.circle(C, 6, 3)
    fg.hooks['leg_n'] = crank
    fg.draw(sv)


def prone_with_pack(sv, hx=175):
    floor(sv)
    mat(sv, 60, 340)
    S, Hp, hd = prone(hx)
    fg = Side(S, Hp, hd, tag='pack')
    fg.leg_n = fg.leg_f = prone_legs(Hp)
    fg.arm_n = fg.arm_f = arm_by_side_floor(S, -1)
    fg.draw(sv)
    top = TORSO_MAT - TOR_OUT / 2
    sv.rect(hx + 1, top - 10, 34, 10, 3, rx=3)
    return (hx + 18, top - 10)


@scene
def heat_pack(sv):
    c = prone_with_pack(sv)
    heat_waves(sv, c[0], c[1] - 8, 3, 12, 32)


@scene
def cold_pack(sv):
    c = prone_with_pack(sv)
    snowflake(sv, (c[0], c[1] - 32), 17)


@scene
def heat_cold_alternating(sv):
    c = prone_with_pack(sv)
    heat_waves(sv, c[0] - 36, c[1] - 8, 3, 11, 32)
    snowflake(sv, (c[0] + 38, c[1] - 26), 16)
    arrow(sv, (c[0] - 14, c[1] - 26), (c[0] + 16, c[1] - 26), both=True, size=10, half=6)


@scene
def diaphragmatic_breathing(sv):
    floor(sv)
    mat(sv, 60, 340)
    S, Hp, hd = supine(205)
    fg = Side(S, Hp, hd, tag='breath')
    fg.leg_n = fg.leg_f = hook_leg(Hp)
    top = TORSO_MAT - TOR_OUT / 2 - 4
    Wb = (Hp[0] - 16, top)
    Wc = (S[0] + 16, top)
    fg.arm_n = hands_on_body(S, Wb)
    fg.arm_f = {'pts': [S, (S[0] + 10, ON_MAT - 1), Wc]}
    fg.order = ['leg_f', 'neck', 'torso', 'head', 'arm_f', 'leg_n', 'arm_n']
    fg.draw(sv)
    arrow(sv, (Wb[0], Wb[1] - 10), (Wb[0], Wb[1] - 38))


@scene
def progressive_muscle_relaxation(sv):
    floor(sv)
    mat(sv, 50, 350)
    S, Hp, hd = supine(185)
    sv.ellipse((Hp[0] + 42, ON_MAT - 10), 22, 10, 3)          # pillow under the knees
    fg = Side(S, Hp, hd, tag='pmr')
    A = (Hp[0] + 80, ON_MAT)
    fg.leg_n = fg.leg_f = leg(Hp, A, (0, -1), 55, 'pmr-leg')
    fg.arm_n = fg.arm_f = arm_by_side_floor(S)
    fg.draw(sv)


def desk(sv, x0, x1, top=146, legs=None):
    sv.rect(x0, top - 3, x1 - x0, 7, 3, rx=2)
    for x in (legs or (x0 + 8, x1 - 8)):
        sv.line((x, top + 4), (x, FLOOR - 1.5), EQ)


def monitor(sv, x, desk_top, top):
    sv.rect(x, top, 7, desk_top - 3 - 12 - top, 3, rx=2)
    sv.line((x + 4, desk_top - 15), (x + 4, desk_top - 4), 4)
    sv.line((x - 8, desk_top - 4.5), (x + 16, desk_top - 4.5), 4)


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
    dt = Wr[1] + 4.5 + 3 + 3
    desk(sv, 126, 330, dt, legs=(210, 322))
    monitor(sv, 284, dt, hd[1] - 6)
    fg.draw(sv)


@scene
def safe_lifting(sv):
    floor(sv)
    # squat, box held close in front of the shins
    A = (92, FOOT_Y)
    Hp = (64, 181)
    S = P(Hp, 52, TOR)
    fg = Side(S, Hp, P(S, 42, NECK), tag='lift1')
    lg = leg(Hp, A, (1, -0.6), 0, 'lift1-leg')
    fg.leg_n = fg.leg_f = lg
    K = lg['pts'][1]
    bx = K[0] + 6
    box = (bx, 184, 34, FLOOR - 1.5 - 184)
    Wr = (bx + 8, 196)
    fg.arm_f = arm(S, Wr, (0, 1), 'lift1-arm')
    fg.arm_n = fg.arm_f
    fg.hooks['leg_n'] = lambda sv: sv.rect(*box, sw=3, rx=2)
    fg.draw(sv)
    step_arrow(sv, 90)
    right_half(sv)
    A, Hp, S, hd, lg = standing(86)
    fg = Side(S, Hp, hd, tag='lift2')
    fg.leg_n = fg.leg_f = lg
    box = (S[0] + 12, S[1] + 26, 34, 34)
    Wr = (S[0] + 19, S[1] + 44)
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
    chair(sv, 70)
    desk(sv, 232, 380, 146, legs=(246, 372))
    monitor(sv, 340, 146, 92)
    A, Hp, S, hd, lg = standing(156)
    fg = Side(S, Hp, (S[0] + 1, S[1] - NECK), tag='break')
    fg.leg_n = fg.leg_f = lg
    fg.arm_n = fg.arm_f = arm_fk(S, 97, 93)
    fg.draw(sv)
    c = (306, 44)
    sv.circle(c, 22, 4)
    sv.line(c, (c[0], c[1] - 14), 4)
    sv.line(c, (c[0] + 10, c[1] + 3), 4)
    arrow(sv, (S[0] + 36, S[1] + 8), (S[0] + 36, S[1] - 30), size=11, half=6.5)


def bed(sv, x0, x1, pillow=True):
    top = SEAT
    sv.rect(x0, top, x1 - x0, 16, 3, rx=4)
    for x in (x0 + 8, x1 - 8):
        sv.line((x, top + 16), (x, FLOOR - 1.5), EQ + 1)
    sv.rect(x0 - 8, top - 46, 10, FLOOR - 1.5 - top + 46, 3, rx=2)   # headboard


@scene
def getting_out_of_bed(sv):
    floor(sv)
    # 1: lying on the side at the edge of the bed, knees bent (front view)
    bed(sv, 14, 196)
    sv.ellipse((40, SEAT - 6), 20, 6, 3)
    y = SEAT - 2 - 16
    N, Pc = (74, y), (124, y + 1)
    fr = Front(N, Pc, (N[0] - 18, SEAT - 2 - 12 - 8), sw=16, hw=12)
    shs = sorted([fr.sh(1), fr.sh(-1)], key=lambda p: p[1])
    hps = sorted([fr.hip(1), fr.hip(-1)], key=lambda p: p[1])
    kb = (Pc[0] + 30, SEAT - 5)
    ab = (Pc[0] + 56, SEAT - 8)
    fr.add_limb([hps[1], kb, ab], False, (ab, (ab[0] + 9, ab[1] + 1)), 'back')
    kt = (Pc[0] + 31, SEAT - 17)
    at = (Pc[0] + 56, SEAT - 17)
    fr.add_limb([hps[0], kt, at], False, (at, (at[0] + 9, at[1] + 1)))
    hand = (N[0] + 26, SEAT - 4.5)
    fr.add_limb([shs[0], ik(shs[0], hand, UA, FA, (0.4, -1), 'bed-arm'), hand])
    fr.add_limb([shs[1], (shs[1][0] + 14, SEAT - 5), (shs[1][0] + 2, SEAT - 12)], False, None, 'back')
    fr.draw(sv)
    step_arrow(sv, 96)
    # 2: pushed up to sitting on the edge, legs down (front view)
    right_half(sv)
    bed(sv, 14, 196)
    sv.ellipse((40, SEAT - 6), 20, 6, 3)
    cx = 112
    fr = seated_front(cx, lean=8, tilt=4)
    l_sh, r_sh = sorted([fr.sh(1), fr.sh(-1)], key=lambda p: p[0])
    push = (cx - 36, SEAT - 4.5)
    fr.add_limb([l_sh, ik(l_sh, push, UA, FA, (-1, 0), 'bed-push'), push])
    fr.add_limb([r_sh, (r_sh[0] + 12, r_sh[1] + 26), (cx + 12, HIP_SEAT - 4)])
    fr.draw(sv)
    sv.end()


# ==== END SCENES


def main(argv):
    ids = argv[1:] or sorted(SCENES)
    os.makedirs(OUT_DIR, exist_ok=True)
    for i in ids:
        if i not in SCENES:
            sys.exit('unknown illustration id: %s' % i)
        F.WARNINGS.clear()
        sv = Svg()
        SCENES[i](sv)
        with open(os.path.join(OUT_DIR, i + '.svg'), 'w') as fh:
            fh.write(sv.render())
        for w in F.WARNINGS:
            print('warning [%s] %s' % (i, w), file=sys.stderr)
    print('wrote %d illustration(s) to %s' % (len(ids), OUT_DIR))


if __name__ == '__main__':
    main(sys.argv)
