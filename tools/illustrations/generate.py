#!/usr/bin/env python3
"""Generate the ptbuilder exercise illustrations.

    python3 tools/illustrations/generate.py            # write all SVGs
    python3 tools/illustrations/generate.py bridge     # write only these ids

Output: assets/illustrations/<id>.svg (400 x 240, black line drawings).
Standard library only.  See README.md in this folder.
"""
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
