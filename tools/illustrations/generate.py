#!/usr/bin/env python3
"""Generate the ptbuilder exercise illustrations.

    python3 tools/illustrations/generate.py            # write all SVGs
    python3 tools/illustrations/generate.py bridge     # write only these ids

Output: assets/illustrations/<id>.svg (black line drawings, width 400,
height 240, viewBox fitted to the drawing).  Standard library only.  See
README.md in this folder.
"""
import math
import os
import re
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


# ======================================================= helpers
def solve(fn, lo, hi, n=60):
    """Root of fn on [lo, hi] by bisection (fn(lo) and fn(hi) differ in sign)."""
    flo = fn(lo)
    for _ in range(n):
        mid = (lo + hi) / 2
        fm = fn(mid)
        if (fm < 0) == (flo < 0):
            lo, flo = mid, fm
        else:
            hi = mid
    return (lo + hi) / 2


def layer_bbox(L):
    return F._bbox(L, 1.0)


def under_mat(L, pad=7, left=None, right=None, y=0):
    """Put an exercise mat (on the floor) under everything drawn so far in
    L, spanning the drawing plus `pad`."""
    x0, x1, _, _ = layer_bbox(L)
    x0 = (x0 - pad) if left is None else left
    x1 = (x1 + pad) if right is None else right
    tmp = Layer()
    mat(tmp, x0, x1, y)
    L.items[0:0] = tmp.items


def behind(L, fn):
    """Draw fn(layer) beneath everything already in L."""
    tmp = Layer()
    fn(tmp)
    L.items[0:0] = tmp.items


# ---- lying on the back / front (side view), on a mat
def supine(hx, b=MAT, tilt=0):
    """Lying on the back, head to the left: returns S, Hp, head."""
    Hp = (hx, on(b, 'torso'))
    S = (hx - TOR, on(b, 'torso'))
    dy = on(b, 'head') - S[1]
    hd = (S[0] - (NECK ** 2 - dy ** 2) ** 0.5, on(b, 'head'))
    return S, Hp, hd


def prone(hx, b=MAT):
    """Lying on the front, head to the right: returns S, Hp, head."""
    Hp = (hx, on(b, 'torso'))
    S = (hx + TOR, on(b, 'torso'))
    dy = on(b, 'head') - S[1]
    hd = (S[0] + (NECK ** 2 - dy ** 2) ** 0.5, on(b, 'head'))
    return S, Hp, hd


def hook_leg(Hp, b=MAT, reach=50, tag='hook', d=1):
    """Knee bent, foot flat on the surface; the foot lies in direction d."""
    A = (Hp[0] + d * reach, on(b, 'limb'))
    K = ik(Hp, A, TH, SH, (0, 1), tag)
    fy = on(b, 'foot')
    return {'pts': [Hp, K, A], 'end': ('foot', (A[0] - d * HEEL, fy), (A[0] + d * FOOT, fy))}


def flat_leg(Hp, b=MAT, d=1, toes_up=True):
    """Straight leg resting on the surface."""
    A = (Hp[0] + d * (TH + SH - 1), on(b, 'limb'))
    K = lerp(Hp, A, TH / (TH + SH))
    heel = (A[0] + d * 1, on(b, 'limb') - 2)
    toe = (A[0] + d * 4, A[1] + FOOT) if toes_up else (A[0] + d * FOOT, on(b, 'foot'))
    return {'pts': [Hp, K, A], 'end': ('foot', heel, toe)}


def prone_leg(Hp, b=MAT):
    """Leg lying straight behind (to the left), top of the foot down."""
    A = (Hp[0] - (TH + SH - 1), on(b, 'limb'))
    K = lerp(Hp, A, TH / (TH + SH))
    return {'pts': [Hp, K, A], 'end': ('foot', (A[0] + 3, on(b, 'foot')), (A[0] - FOOT + 2, on(b, 'foot')))}


NEAR_DROP = 2.5   # a near arm lying beside the body is drawn this much lower


def arm_along_floor(S, b=MAT, d=1):
    """Arm lying on the surface beside the body, hand towards d.  It is
    drawn a little lower than the body (it is nearer to us), so it reads as
    lying beside the body rather than across it."""
    y = on(b, 'limb') - NEAR_DROP
    E = (S[0] + d * UA * 0.97, y)
    Wr = (E[0] + d * FA, y)
    return {'pts': [S, E, Wr], 'end': ('hand', (Wr[0] + d * 4, y + HAND_R - LIMB / 2))}


# ---- hands and knees
QUAD_ARM = 46     # shoulder to wrist on hands and knees (arm straight)


def quadruped(kx, b=MAT, d=1):
    """Hands and knees facing d: knees under hips, wrists under shoulders,
    back level.  Returns S, Hp, leg, arm."""
    K = (kx, on(b, 'limb'))
    Hp = (kx, K[1] + TH)
    S = (kx + d * TOR, Hp[1] + 4)
    Wr = (S[0], on(b, 'hand') + 3)
    A = (kx - d * SH, on(b, 'limb'))
    lg = {'pts': [Hp, K, A], 'end': ('foot', (A[0] + d * 2, on(b, 'foot')), (A[0] - d * FOOT, on(b, 'foot')))}
    am = {'pts': [S, lerp(S, Wr, 0.53), Wr], 'end': ('hand', (Wr[0] + d * 3.5, on(b, 'hand')))}
    return S, Hp, lg, am


# ---- sitting / standing
SEAT = 40                       # top of a chair seat
HIP_SEAT = SEAT + TORSO / 2     # hip joint of a person sitting on it
ANKLE = on(0, 'limb') + 0.5     # ankle height standing flat


def seated(hx, lean=90, d=1, tag='seat', foot_dx=None):
    """Sitting on a seat facing d, shins about vertical."""
    Hp = (hx, HIP_SEAT)
    S = P(Hp, lean if d > 0 else 180 - lean, TOR)
    ax = hx + d * (TH + 1 if foot_dx is None else foot_dx)
    lg = leg(Hp, (ax, ANKLE), (d, 1), 0 if d > 0 else 180, tag)
    lg['end'] = ('foot', (ax - d * HEEL, on(0, 'foot')), (ax + d * FOOT, on(0, 'foot')))
    return Hp, S, lg


def flat_foot(A, d=1):
    return ('foot', (A[0] - d * HEEL, on(0, 'foot')), (A[0] + d * FOOT, on(0, 'foot')))


def standing(ax, d=1):
    """Standing upright facing d, ankle at x = ax.  Returns A, Hp, S, head, leg."""
    A = (ax, ANKLE)
    Hp = (ax, A[1] + TH + SH)
    S = (ax, Hp[1] + TOR)
    hd = (ax + d * 1.5, S[1] + NECK)
    lg = {'pts': [Hp, (ax, Hp[1] - TH), A], 'end': flat_foot(A, d)}
    return A, Hp, S, hd, lg


def hang_arm(S, d=1, fwd=4):
    """Arm hanging relaxed by the side."""
    E = (S[0] + d * fwd * 0.3, S[1] - UA)
    Wr = (S[0] + d * fwd, E[1] - FA)
    return {'pts': [S, E, Wr], 'end': ('hand', (Wr[0] + d * fwd * 0.1, Wr[1] - 3.5))}


def hands_on_thighs(S, Hp, d=1, tag='thigh'):
    return arm_to_hand(S, (Hp[0] + d * 30, Hp[1] + 9), (-d, 0), tag)


def standing_front(cx, sw=17, hw=13, spread=9):
    """Front view, standing, feet slightly apart.  Returns the Front figure
    (legs added) and its shoulder joints (left, right)."""
    Pc = (cx, ANKLE + TH + SH + 2)
    N = (cx, Pc[1] + TOR + 2)
    fr = Front(N, Pc, (cx, N[1] + NECK - 2), sw=sw, hw=hw)
    for side in (1, -1):
        hp = fr.hip(side)
        a = (cx + side * spread, ANKLE)
        fr.add_limb([hp, lerp(hp, a, 0.5), a], ('foot', a, (a[0] + side * 7, on(0, 'foot'))), 'back')
    l, r = fr.sh(-1), fr.sh(1)
    return fr, l, r


def seated_front(cx, lean=0, tilt=0, seat=SEAT):
    """Front-view figure sitting on a seat, knees apart a little."""
    Pc = (cx, seat + 10)
    N = P(Pc, 90 + lean, TOR + 2)
    fr = Front(N, Pc, P(N, 90 + tilt, NECK - 2))
    for side in (1, -1):
        hp = fr.hip(side)
        k = (cx + side * 14, seat + 6)
        a = (cx + side * 15, ANKLE)
        fr.add_limb([hp, k, a], ('foot', a, (a[0] + side * 7, on(0, 'foot'))), 'back')
    return fr


def front_chair(L, cx, seat=SEAT, back_top=None):
    back_top = seat + 58 if back_top is None else back_top
    L.rect(cx - 26, seat, cx + 26, back_top, 3, rx=4)        # backrest
    L.rect(cx - 33, seat - 6, cx + 33, seat, 3, rx=2)        # seat
    for x in (cx - 29, cx + 29):
        L.line((x, seat - 6), (x, 0), EQ)


def stool_front(L, cx, seat=SEAT, half=28):
    L.rect(cx - half, seat - 5, cx + half, seat, 3, rx=2)
    L.line((cx - half + 5, seat - 5), (cx - half - 1, 0), EQ)
    L.line((cx + half - 5, seat - 5), (cx + half + 1, 0), EQ)


def forearm_plank(ex, base, b=MAT, d=1, tag='plank'):
    """Straight body on the forearms facing d; base = 'toes' or 'knees'.
    Returns S, Hp, B (toe/knee point), arm."""
    E = (ex, on(b, 'limb'))
    S = (ex, E[1] + UA)
    Wr = (ex + d * FA, on(b, 'limb'))
    length = TOR + TH + (SH if base == 'toes' else 0)
    by = on(b, 'limb') + (5 if base == 'toes' else 0)
    dy = S[1] - by
    B = (ex - d * (length ** 2 - dy ** 2) ** 0.5, by)
    Hp = lerp(S, B, TOR / length)
    return S, Hp, B, {'pts': [S, E, Wr], 'end': ('hand', (Wr[0] + d * 4, on(b, 'hand')))}


def desk(L, x0, x1, top=72, legs=None):
    L.rect(x0, top - 6, x1, top, 3, rx=2)
    for x in (legs or (x0 + 7, x1 - 7)):
        L.line((x, top - 6), (x, 0), EQ)


def monitor(L, x, desk_top, top):
    L.rect(x - 3, desk_top + 12, x + 4, top, 3, rx=2)
    L.line((x + 0.5, desk_top + 12), (x + 0.5, desk_top + 2), 4)
    L.line((x - 10, desk_top + 2), (x + 11, desk_top + 2), 4)


def wave_pts(x0, x1, y, amp=2.5, wl=30):
    out = []
    n = max(2, int((x1 - x0) / 2))
    for i in range(n + 1):
        x = x0 + (x1 - x0) * i / n
        out.append((x, y + amp * math.sin((x - x0) / wl * 2 * math.pi)))
    return out


# ====================================================== the scenes
# (in the order of the exercise list)

def arm_via(S, E, hc):
    """Arm through elbow E with the hand disc centred on hc."""
    Wr = P(hc, ang(E, hc), -3.5)
    return {'pts': [S, E, Wr], 'end': ('hand', hc)}


def crossed_arm(S, a=90):
    """Arm folded across the chest (side view, torso direction a)."""
    E = add(P(S, a - 90, 13), P((0, 0), a, -24))
    hc = add(P(S, a - 90, 10), P((0, 0), a, -14))
    return arm_via(S, E, hc)


@scene
def pelvic_tilt(sc):
    """1: lying with the knees bent, a small gap under the small of the
    back; 2: the hips tilted, the back flat on the mat.  The hands rest on
    the front of the hips, elbows on the mat (arms lying along the side
    would hide the gap)."""
    poses = []
    for flat in (False, True):
        L = sc.layer()
        S, Hp, hd = supine(0)
        fg = Side(S, Hp, hd, tag='pelvic')
        fg.leg_n = fg.leg_f = hook_leg(Hp)
        top = Hp[1] + TORSO / 2 + HAND_R - 1.5
        E = (S[0] + 16, on(MAT, 'limb') - NEAR_DROP)
        fg.arm_n = fg.arm_f = arm_via(S, E, (Hp[0] - 4, top))
        if not flat:
            # the gap: a white arch cut out of the underside of the torso
            def gap(L, S=S, Hp=Hp):
                x0, x1, g = S[0] + 17, Hp[0] - 3, 7
                ps = qbez((x0, MAT + 0.4), ((x0 + x1) / 2 + 3, MAT + 2 * g), (x1, MAT + 0.4), 16)
                L.fill(ps, '#fff')
            fg.hooks['neck'] = gap
        fg.draw(L)
        under_mat(L)
        if flat:
            # the hips tilt back (pubic bone towards the ribs)
            L.arrow_arc(add(Hp, (-4, 0)), 34, 60, 140)
        poses.append(L)
    sc.row(poses)


@scene
def cat_cow(sc):
    poses = []
    for cat in (True, False):
        L = sc.layer()
        S, Hp, lg, am = quadruped(0)
        if cat:
            fg = Side(S, Hp, P(S, -72, NECK), bulge=(0, 8), face=-120, tag='cat')
        else:
            fg = Side(S, Hp, P(S, 38, NECK), bulge=(0, -5.5), face=15, tag='cow')
        fg.leg_n = fg.leg_f = lg
        fg.arm_n = fg.arm_f = am
        fg.draw(L)
        under_mat(L)
        m = lerp(S, Hp, 0.5)
        if cat:
            L.arrow_line((m[0], m[1] + 27), (m[0], m[1] + 49))
        else:
            L.arrow_line((m[0], m[1] + 31), (m[0], m[1] + 9))
        poses.append(L)
    sc.row(poses)


@scene
def childs_pose(sc):
    L1 = sc.layer()
    S, Hp, lg, am = quadruped(0)
    fg = Side(S, Hp, P(S, -20, NECK), face=-80, tag='child-start')
    fg.leg_n = fg.leg_f = lg
    fg.arm_n = fg.arm_f = am
    fg.draw(L1)
    under_mat(L1)
    L2 = sc.layer()
    b = MAT
    K = (0, on(b, 'limb'))
    A = (K[0] - SH, K[1])
    Hp = P(K, 180 - math.degrees(math.asin(21 / TH)), TH)
    S = (Hp[0] + (TOR ** 2 - (Hp[1] - on(b, 'torso') - 3) ** 2) ** 0.5, on(b, 'torso') + 3)
    hd = (S[0] + (NECK ** 2 - (on(b, 'head') - S[1]) ** 2) ** 0.5, on(b, 'head'))
    fg = Side(S, Hp, hd, bulge=(0, 5), face=-60, tag='child')
    fy = on(b, 'foot')
    fg.leg_n = fg.leg_f = {'pts': [Hp, K, A], 'end': ('foot', (A[0] + 3, fy), (A[0] - FOOT, fy))}
    E = (S[0] + 26, on(b, 'limb'))
    fg.arm_n = fg.arm_f = arm_via(S, E, (E[0] + FA + 4, on(b, 'hand')))
    fg.order = ['leg_f', 'leg_n', 'arm_f', 'torso', 'neck', 'head', 'arm_n']
    fg.draw(L2)
    under_mat(L2)
    sc.row([L1, L2])


def knee_to_chest(sc, both):
    L = sc.layer()
    S, Hp, hd = supine(0)
    fg = Side(S, Hp, hd, tag='ktc')
    ta, sa = 118, 15                      # thigh towards the chest, shin about level
    K = P(Hp, ta, TH)
    A = P(K, sa, SH)
    pulled = {'pts': [Hp, K, A], 'end': ('foot', P(A, sa + 60, -HEEL), P(A, sa + 60, FOOT)),
              'halo': 8}
    fg.leg_n = pulled
    # the other leg: knee bent, foot flat on the mat
    fg.leg_f = pulled if both else hook_leg(Hp)
    # both hands hold the back of the thigh, just below the knee: the arm
    # passes behind the thigh (drawn before it) and the hand shows beyond
    # the thigh's back edge
    th = unit(sub(K, Hp))
    hc = add(add(Hp, mul(th, TH - 14)), mul(perp(th), -(LIMB / 2 + HAND_R)))
    fg.arm_n = fg.arm_f = arm_to_hand(S, hc, (0, -1), 'ktc-arm')
    fg.order = ['leg_f', 'torso', 'neck', 'head', 'arm_n', 'leg_n']
    fg.draw(L)
    under_mat(L)
    L.arrow_arc(Hp, 63, 92, 132)


@scene
def single_knee_to_chest(sc):
    knee_to_chest(sc, False)


@scene
def double_knee_to_chest(sc):
    knee_to_chest(sc, True)


@scene
def piriformis_stretch(sc):
    L = sc.layer()
    S, Hp, hd = supine(0)
    fg = Side(S, Hp, hd, tag='piri')
    fg.hollow_far = False
    # the leg underneath (far side): thigh pulled in, shin level
    Kf = P(Hp, 100, TH)
    Af = P(Kf, -3, SH)
    fg.leg_f = {'pts': [Hp, Kf, Af], 'end': ('foot', P(Af, 50, -HEEL), P(Af, 50, FOOT))}
    # crossed leg (near side): knee turned out towards us, ankle resting on
    # the other thigh just below its knee: the legs make a "4"
    Kn = add(Hp, (36, 15))
    An = add(lerp(Hp, Kf, 0.84), (-4, 0))
    sa = ang(Kn, An)
    fg.leg_n = {'pts': [Hp, Kn, An], 'end': ('foot', P(An, sa - 70, -HEEL), P(An, sa - 70, FOOT - 2))}
    fg.leg_n['halo'] = 14
    # both hands behind the thigh of the leg underneath
    hc = add(lerp(Hp, Kf, 0.5), (2, 0))
    fg.arm_n = fg.arm_f = arm_to_hand(S, hc, (0, 1), 'piri-arm')
    fg.order = ['leg_f', 'torso', 'neck', 'head', 'arm_n', 'leg_n']
    fg.draw(L)
    under_mat(L)


def piriformis_stretch(sc):
    L = sc.layer()
    S, Hp, hd = supine(0)
    fg = Side(S, Hp, hd, tag='piri')
    # the leg underneath (far side): thigh pulled in, shin level
    Kf = P(Hp, 100, TH)
    Af = P(Kf, -4, SH)
    fg.leg_f = {'pts': [Hp, Kf, Af], 'end': ('foot', P(Af, 86, -HEEL), P(Af, 86, FOOT))}
    # crossed leg (near side): knee turned out, ankle resting on that thigh
    An = add(lerp(Hp, Kf, 0.82), (4, 2))
    Kn = add(Hp, (33, 17))
    fg.leg_n = {'pts': [Hp, Kn, An], 'end': ('foot', P(An, 150, -HEEL), P(An, 150, FOOT - 2))}
    fg.leg_n['halo'] = 0
    # hands behind the thigh of the leg underneath
    hc = add(lerp(Hp, Kf, 0.55), (-2, 0))
    E = add(lerp(S, hc, 0.5), (-6, 14))
    fg.arm_n = fg.arm_f = arm_via(S, E, hc)
    fg.order = ['leg_f', 'torso', 'neck', 'head', 'arm_n', 'leg_n']
    fg.draw(L)
    under_mat(L)


@scene
def hamstring_stretch_towel(sc):
    L = sc.layer()
    S, Hp, hd = supine(0)
    fg = Side(S, Hp, hd, tag='hamtowel')
    a = 74
    K = P(Hp, a, TH)
    A = P(K, a, SH)
    fa = a + 95                              # foot: toes towards the head
    heel, toe = P(A, fa, -HEEL - 1), P(A, fa, FOOT)
    fg.leg_n = {'pts': [Hp, K, A], 'end': ('foot', heel, toe)}
    fg.leg_f = hook_leg(Hp)
    d = ang(S, A)
    hc = P(S, d, 46)
    fg.arm_n = fg.arm_f = arm_to_hand(S, hc, (-0.5, 1), 'hamtowel-arm')

    def towel(L):
        up = P((0, 0), a, 1)
        s0 = add(heel, mul(up, 6.5))
        s1 = add(toe, mul(up, 6.5))
        L.line(s0, s1, 3.5)
        L.line(add(hc, (0, 1.5)), s1, 3.5)
        L.line(add(hc, (1.5, -1)), s0, 3.5)
    fg.hooks['arm_n'] = towel
    fg.draw(L)
    under_mat(L)


@scene
def hamstring_stretch_seated(sc):
    L = sc.layer()
    xb = 0
    chair(L, xb, 1, seat=SEAT)
    Hp = (xb + 36, HIP_SEAT)
    ay = 8.5
    A = (Hp[0] + ((TH + SH - 0.3) ** 2 - (Hp[1] - ay) ** 2) ** 0.5, ay)
    S = P(Hp, 58, TOR)
    fg = Side(S, Hp, P(S, 52, NECK), face=-20, tag='hamseat')
    fg.leg_n = {'pts': [Hp, lerp(Hp, A, TH / (TH + SH)), A],
                'end': ('foot', P(A, 200, 4.5), P(A, 78, FOOT))}
    Af = (Hp[0] + TH + 2, ANKLE)
    fg.leg_f = leg(Hp, Af, (1, 1), 0, 'hamseat-bent')
    fg.leg_f['end'] = flat_foot(Af)
    fg.hollow_far = True
    hc = (Hp[0] + 31, Hp[1] + 8)
    fg.arm_n = fg.arm_f = arm_to_hand(S, hc, (-1, 0), 'hamseat-arm')
    fg.draw(L)


@scene
def hip_flexor_stretch_kneeling(sc):
    """Half-kneeling on a folded pillow, a chair beside the patient: the
    near hand on the hip, the far hand on the top of the chair's back; the
    arrow shows the hips shifting forward."""
    L = sc.layer()
    ch = 12
    # the pillow folded in two: two layers, the fold rounded at the back
    L.rect(-20, 0, 20, ch, 3, rx=5)
    L.line((-15, ch / 2), (16, ch / 2), 2.5)
    Kb = (0, ch + 1.5 + LIMB / 2)
    Ab = (Kb[0] - SH + 4, on(0, 'limb') + 1)
    Hp = P(Kb, 68, TH)
    S = (Hp[0] - 1, Hp[1] + TOR)
    # a sturdy chair beside the patient (beyond the figure), its back
    # within reach of the far hand
    xb = S[0] + 40
    chair(L, xb, 1, back_h=56)
    top = (xb - 5, 46 + 56)
    fg = Side(S, Hp, (S[0] + 1.5, S[1] + NECK), face=0, tag='hipflex')
    fy = on(0, 'foot')
    fg.leg_n = {'pts': [Hp, Kb, Ab], 'end': ('foot', (Ab[0] + 3, fy + 1), (Ab[0] - FOOT + 1, fy))}
    Af = (Hp[0] + 47, ANKLE)
    fg.leg_f = leg(Hp, Af, (1, 1), 0, 'hipflex-front')
    fg.leg_f['end'] = flat_foot(Af)
    hc = (Hp[0] + 3, Hp[1] + 12)
    fg.arm_n = arm_to_hand(S, hc, (-1, 0), 'hipflex-arm')
    fg.arm_f = arm_to_hand(S, (top[0] + 0.5, top[1] + 9.5), (0, -1), 'hipflex-chair')
    fg.draw(L)
    L.arrow_line((Hp[0] - 44, Hp[1] - 2), (Hp[0] - 18, Hp[1] - 2))


@scene
def doorway_chest_stretch(sc):
    """In profile, facing right; the door frame is the upright post (drawn
    behind the figure).  1: standing in the doorway, forearms up against
    the frame, elbows about at shoulder height; 2: one foot stepped
    through, the body leaning forward in one line, the chest through the
    doorway, the elbows still on the frame behind."""
    xd, dep, top = 0, 12, 196              # the frame's face towards us, its depth, height
    ZA = 17                                # sideways reach of the upper arm, shoulder to elbow
    E = (xd - LIMB / 2 - 0.5, 140)         # elbow against the frame
    poses = []
    for lean in (False, True):
        L = sc.layer()
        L.rect(xd, 0, xd + dep, top, 3)
        if not lean:
            A, Hp, S, hd, lg = standing(0)
            dx = (UA ** 2 - ZA ** 2 - (S[1] - E[1]) ** 2) ** 0.5
            shift = E[0] - dx - S[0]       # stand with the shoulder this far behind the elbow
            A, Hp, S, hd = [(p[0] + shift, p[1]) for p in (A, Hp, S, hd)]
            lg = {'pts': [Hp, (Hp[0], Hp[1] - TH), A], 'end': flat_foot(A)}
            fg = Side(S, Hp, hd, face=0, tag='door1')
            fg.leg_n = fg.leg_f = lg
        else:
            b = 18                         # lean from the vertical
            hy = ANKLE + (TH + SH - 0.5) * math.cos(rad(20))
            sy = hy + TOR * math.cos(rad(b))
            dx = (UA ** 2 - ZA ** 2 - (sy - E[1]) ** 2) ** 0.5
            S = (E[0] + dx, sy)
            Hp = P(S, 270 - b, TOR)
            fg = Side(S, Hp, P(S, 90 - b, NECK), face=-b, tag='door2')
            Af = (Hp[0] + 27, ANKLE)
            fg.leg_n = leg(Hp, Af, (1, 0.3), 0, 'door-front')
            fg.leg_n['end'] = flat_foot(Af)
            Ab = P(Hp, 180 + 70, TH + SH - 0.5)
            fg.leg_f = {'pts': [Hp, lerp(Hp, Ab, 0.5), Ab], 'end': flat_foot(Ab)}
        Wr = (E[0], E[1] + FA)
        fg.arm_n = fg.arm_f = {'pts': [S, E, Wr], 'end': ('hand', (Wr[0], Wr[1] + 3.5))}
        fg.draw(L)
        if lean:
            c = add(S, (14, -16))
            L.arrow_line(c, add(c, P((0, 0), -b, 24)))
        poses.append(L)
    sc.row(poses)


@scene
def neck_side_stretch(sc):
    L = sc.layer()
    front_chair(L, 0)
    fr = seated_front(0, tilt=-50)
    r, l = fr.sh(1), fr.sh(-1)
    # figure's right hand (viewer's left) holds the edge of the seat
    grip = (-29, SEAT + 6)
    fr.add_limb([l, ik(l, grip, UA, FA, (-1, 0), 'neck-grip'), grip], ('hand', (grip[0], grip[1] - 3.5)))
    # other hand rests on the thigh
    hc = (14, SEAT + 12)
    E = (r[0] + 9, r[1] - 25)
    fr.add_limb(arm_via(r, E, hc)['pts'], ('hand', hc), halo=8)
    fr.draw(L)
    L.arrow_arc(fr.N, 38, 100, 38)


@scene
def seated_lower_back_stretch(sc):
    poses = []
    for fold in (False, True):
        L = sc.layer()
        chair(L, 0, 1, back=True)
        Hp, S, lg = seated(32, 90, 1, 'slbs')
        if not fold:
            fg = Side(S, Hp, (S[0] + 1.5, S[1] + NECK), face=0, tag='slbs1')
            fg.leg_n = fg.leg_f = lg
            fg.arm_n = fg.arm_f = hands_on_thighs(S, Hp)
            fg.draw(L)
        else:
            S = P(Hp, -24, TOR)
            hd = P(S, -40, NECK)
            fg = Side(S, Hp, hd, bulge=(-2, 4.5), face=-120, tag='slbs2')
            fg.leg_n = fg.leg_f = lg
            hc = (S[0] + 2, on(0, 'hand') + 3)
            fg.arm_n = fg.arm_f = {'pts': [S, lerp(S, hc, 0.5), P(hc, ang(S, hc), -3.5)], 'end': ('hand', hc)}
            fg.order = ['leg_f', 'leg_n', 'torso', 'neck', 'head', 'arm_n']
            fg.torso_halo = 12
            fg.draw(L)
        poses.append(L)
    sc.row(poses)


@scene
def standing_side_bend(sc):
    L = sc.layer()
    cx = 0
    Pc = (cx, ANKLE + TH + SH + 2)
    N = P(Pc, 90 - 28, TOR + 2)
    fr = Front(N, Pc, P(N, 90 - 38, NECK - 2))
    for side in (1, -1):
        hp = fr.hip(side)
        a = (cx + side * 11, ANKLE)
        fr.add_limb([hp, lerp(hp, a, 0.5), a], ('foot', a, (a[0] + side * 7, on(0, 'foot'))), 'back')
    l, r = fr.sh(-1), fr.sh(1)
    # figure's right arm (viewer's left) up and over the head
    e = P(l, 88, UA)
    w = P(e, 28, FA)
    fr.add_limb([l, e, w], ('hand', P(w, 28, 3.5)))
    # other hand slides down the side of the thigh
    hc = (cx + 23, Pc[1] - 20)
    fr.add_limb(arm_to_hand(r, hc, (1, 0), 'bend-low')['pts'], ('hand', hc))
    fr.draw(L)
    L.arrow_arc(Pc, 112, 80, 44)


@scene
def calf_stretch_wall(sc):
    L = sc.layer()
    Ab = (0, ANKLE)
    Hp = P(Ab, 66, TH + SH - 0.5)
    S = P(Hp, 70, TOR)
    fg = Side(S, Hp, P(S, 70, NECK), face=-5, tag='calf')
    fg.leg_n = {'pts': [Hp, lerp(Hp, Ab, 0.5), Ab], 'end': flat_foot(Ab)}
    Af = (Hp[0] + 30, ANKLE)
    fg.leg_f = leg(Hp, Af, (1, 1), 0, 'calf-front')
    fg.leg_f['end'] = flat_foot(Af)
    wx = S[0] + 50
    hc = (wx - HAND_R - 1.5, S[1] + 2)
    fg.arm_n = fg.arm_f = arm_to_hand(S, hc, (0, -1), 'calf-arm')
    wall(L, wx, top=S[1] + 60, side=-1)
    fg.draw(L)


@scene
def prone_press_up(sc):
    poses = []
    b = MAT
    for up in (False, True):
        L = sc.layer()
        S, Hp, hd = prone(0)
        hc = (S[0] + 6, on(b, 'hand'))
        if not up:
            fg = Side(S, Hp, hd, face=-90, tag='press1')
            E = (S[0] - 8, S[1] + 17)
            fg.arm_n = fg.arm_f = arm_via(S, E, hc)
            fg.arm_n['halo'] = 0
        else:
            S2 = P(Hp, 44, TOR)
            fg = Side(S2, Hp, P(S2, 52, NECK), bulge=(2.5, -3), face=-10, tag='press2')
            fg.arm_n = fg.arm_f = arm_to_hand(S2, hc, (-1, 0), 'press2-arm')
        fg.leg_n = fg.leg_f = prone_leg(Hp)
        fg.draw(L)
        under_mat(L)
        poses.append(L)
    sc.row(poses)


# ---- lying figures seen from the front and above (open book, clamshell,
# lower back rotation): world x along the body, y up, z towards us; one unit
# of depth back is drawn as the slanting offset OB_LYING (steeper than OB, so
# movements towards and away from us show)
OB_LYING = (-0.28, 0.47)
OB_OPEN = (-0.3, 0.6)     # open book: steeper still, so the arm behind shows


def pr_lying(x, y, z, ob=OB_LYING):
    return (x - ob[0] * z, y - ob[1] * z)


def unit3(v):
    l = math.sqrt(sum(c * c for c in v)) or 1.0
    return tuple(c / l for c in v)


def lying_mat(L, x0, x1, zb, zf, ob=OB_LYING):
    """Mat from x0 to x1 along the body, from zb (behind) to zf (in front):
    its top face and its front edge."""
    pr, t = (lambda x, y, z: pr_lying(x, y, z, ob)), MAT_T
    L.poly([pr(x0, t, zf), pr(x1, t, zf), pr(x1, t, zb), pr(x0, t, zb)], 3, fill='#fff', closed=True)
    L.poly([pr(x0, t, zf), pr(x1, t, zf), pr(x1, 0, zf), pr(x0, 0, zf)], 3, fill='#fff', closed=True)


def open_book_pose(L, opened, pil=7):
    """Lying on the right side on a mat, seen from the front (the patient
    faces us) and above, head to the left on a pillow, hips and knees bent
    forward with the knees stacked.  Start: both arms straight out in
    front, palms together.  opened: the top arm lies on the mat behind,
    the chest turned up, the head following the hand.  World x along the
    body, y up, z towards us; depth is drawn as a slanting offset."""
    ob = OB_OPEN
    pr = lambda x, y, z: pr_lying(x, y, z, ob)
    lo = on(MAT, 'limb')
    B = MAT
    fw = UA + FA
    zs = -22                                           # the top shoulder, turned back
    lying_mat(L, -38, 112, -82, 40, ob)
    L.ellipse(pr(-17, B + pil / 2, 0), 18, pil / 2 + 1, 3)           # pillow
    # legs: hips bent forward, knees bent, the top knee on the bottom one
    legs = []
    for dy in (0, LIMB - 1):
        y = lo + dy
        hp = (TOR + 2, y + (4 if dy == 0 else 12), 0)
        k = (TOR + 14, y, 38)
        a = (k[0] + SH - 2, y, 30)
        legs.append(([pr(*hp), pr(*k), pr(*a)], ('foot', pr(*a), pr(a[0] + 4, y, 30 + FOOT - 2))))
    draw_limb(L, legs[0][0], False, legs[0][1], None)
    shb, hpb, hpt = (0, B + 6, 0), (TOR, B + 6, 0), (TOR, B + 24, 0)
    sht = (3, B + 12, zs) if opened else (0, B + 28, 0)
    L.fill([pr(*shb), pr(*sht), pr(*hpt), pr(*hpb)], '#000', outline=11)
    draw_limb(L, legs[1][0], False, legs[1][1], 6)
    # the lower arm straight out in front, on the mat
    draw_limb(L, [pr(*shb), pr(0, lo, UA), pr(0, lo, fw)], False, ('hand', pr(0, on(MAT, 'hand'), fw + 4)), None)
    hd = (-NECK + 1, B + pil + HR + HEAD_SW / 2 - 1, 0)
    L.line(pr(-3, B + 15, 0), pr(*hd), NECK_W)
    head(L, pr(*hd), face=120 if opened else -40)
    if opened:
        # the top arm straight, opened back onto the mat behind
        S2 = sht
        dirn = unit3((8 / fw, -(S2[1] - lo) / fw, -1))
        E2 = tuple(S2[i] + dirn[i] * UA for i in range(3))
        W2 = tuple(S2[i] + dirn[i] * fw for i in range(3))
        H2 = (W2[0], on(MAT, 'hand'), W2[2] - 4)
        draw_limb(L, [pr(*S2), pr(*E2), pr(*W2)], False, ('hand', pr(*H2)), 8)
    else:
        # the top arm resting on the lower one, palms together
        draw_limb(L, [pr(*sht), pr(0, lo + LIMB + 6, UA - 3), pr(0, lo + LIMB - 1, fw - 2)], False,
                  ('hand', pr(0, lo + LIMB - 1.5, fw + 2)), 8)


@scene
def open_book_rotation(sc):
    """1: lying on the side, knees bent and stacked, arms straight out in
    front together; 2: the top arm opened to the other side, the chest
    turned up, the knees still together."""
    sc.floor = False
    poses = []
    for opened in (False, True):
        L = sc.layer()
        open_book_pose(L, opened)
        poses.append(L)
    sc.row(poses)


@scene
def shoulder_rolls(sc):
    L = sc.layer()
    chair(L, 0, 1, back=False)
    Hp, S, lg = seated(26, 90, 1, 'roll')
    fg = Side(S, Hp, (S[0] + 1.5, S[1] + NECK), face=0, tag='roll')
    fg.leg_n = fg.leg_f = lg
    fg.arm_n = fg.arm_f = hands_on_thighs(S, Hp)
    # up, back, down and forward round the shoulder (behind the figure)
    fg.draw(L)
    L.arrow_arc((S[0] - 1, S[1] - 5), 19, -80, 228, ry=14)


@scene
def bridge(sc):
    poses = []
    S0, H0, hd = supine(0)
    lg0 = hook_leg(H0, reach=52)
    A = lg0['pts'][2]
    a = solve(lambda a: dist(P(S0, a, TOR + TH), A) - SH, 5, 45)
    for lift in (False, True):
        L = sc.layer()
        Hp = P(S0, a, TOR) if lift else H0
        fg = Side(S0, Hp, hd, tag='bridge')
        if lift:
            lg = leg(Hp, A, (0, 1), 0, 'bridge-leg')
            lg['end'] = lg0['end']
        else:
            lg = lg0
        fg.leg_n = fg.leg_f = lg
        fg.arm_n = fg.arm_f = arm_along_floor(S0)
        fg.draw(L)
        under_mat(L)
        poses.append(L)
    sc.row(poses)


@scene
def bird_dog(sc):
    poses = []
    for reach in (False, True):
        L = sc.layer()
        S, Hp, lg, am = quadruped(0)
        hd = P(S, -52, NECK)
        fg = Side(S, Hp, hd, face=-110, tag='birddog')
        fg.arm_f = am
        fg.leg_n = lg
        if not reach:
            fg.arm_n = am
            fg.leg_f = lg
        else:
            # near arm reaches forward at shoulder height, far (opposite) leg back,
            # both level with the back
            fg.arm_n = arm_fk(S, 0, 0)          # at shoulder height, horizontal
            fg.arm_n['halo'] = 6
            fg.leg_f = leg_fk(Hp, 181, 181, -90)
        fg.draw(L)
        under_mat(L)
        poses.append(L)
    sc.row(poses)


@scene
def plank(sc):
    L = sc.layer()
    S, Hp, B, am = forearm_plank(0, 'toes')
    a = ang(B, S)
    fg = Side(S, Hp, P(S, a, NECK), face=a - 85, tag='plank')
    K = lerp(Hp, B, TH / (TH + SH))
    toe = (B[0] + 5, on(MAT, 'foot') - 1.5)
    fg.leg_n = fg.leg_f = {'pts': [Hp, K, B], 'end': ('foot', P(B, ang(B, toe), -HEEL), toe)}
    fg.arm_n = fg.arm_f = am
    fg.draw(L)
    under_mat(L)


@scene
def kneeling_plank(sc):
    L = sc.layer()
    S, Hp, K, am = forearm_plank(0, 'knees')
    a = ang(K, S)
    fg = Side(S, Hp, P(S, a, NECK), face=a - 85, tag='kplank')
    A = P(K, 180, SH - 1)
    fy = on(MAT, 'foot')
    fg.leg_n = fg.leg_f = {'pts': [Hp, K, A], 'end': ('foot', (A[0] + 3, fy), (A[0] - FOOT + 1, fy))}
    fg.arm_n = fg.arm_f = am
    fg.draw(L)
    under_mat(L)


# ---- oblique view: the picture plane as drawn, depth as a slanting offset
OB = (-0.42, 0.3)        # picture offset of one unit of depth going back (away from the viewer)


def back(p, z):
    """Point p moved z units back, away from the viewer (z < 0: forward)."""
    return (p[0] + OB[0] * z, p[1] + OB[1] * z)


def oblique_mat(L, x0, x1, zb, zf):
    """Exercise mat seen from the front and a little above: its top face
    from zf in front of the picture plane to zb behind it, and its front
    edge.  Drawn beneath everything already in L."""
    t = MAT_T
    f0, f1 = back((x0, t), -zf), back((x1, t), -zf)
    b0, b1 = back((x0, t), zb), back((x1, t), zb)
    tmp = Layer()
    tmp.poly([f0, f1, b1, b0], 3, fill='#fff', closed=True)
    tmp.poly([f0, f1, (f1[0], f1[1] - t), (f0[0], f0[1] - t)], 3, fill='#fff', closed=True)
    L.items[0:0] = tmp.items


KNEEL_MAT_DX, KNEEL_MAT_ZB = 30, 110


def side_plank_front(L, kneel):
    """Side plank seen from the front (the patient faces us), head to the
    right: propped on the lower forearm, elbow right under the shoulder,
    hips lifted so the body is one straight line from the head to the feet
    (kneel: to the knees, shins back on the mat, behind the knees),
    shoulders and hips stacked; top hand on the top hip.  Returns the
    pelvis centre and the body's 'down' normal (towards the mat)."""
    b = MAT
    lo = on(b, 'limb')
    E = (0, lo)
    Sl = (0, lo + UA)                  # lower shoulder, right above the elbow
    sw, hw = 17, 13

    def build(al):
        d = (-math.cos(rad(al)), -math.sin(rad(al)))    # down the body, to the feet
        n = (-d[1], d[0])                               # across it, towards the mat
        N = sub(sub(Sl, mul(n, sw - 5)), mul(d, 6))
        return d, n, N, add(N, mul(d, TOR + 2))

    def end_y(al):
        d, n, N, Pc = build(al)
        hb = add(add(Pc, mul(n, hw - 5.5)), mul(d, -2))
        return add(hb, mul(d, TH if kneel else TH + SH))[1]
    al = solve(lambda a: end_y(a) - (lo + (0 if kneel else 1)), 2, 60)
    d, n, N, Pc = build(al)
    fr = Front(N, Pc, add(N, mul(d, -(NECK - 2))), sw=sw, hw=hw)
    Hb, Ht = fr.hip(1), fr.hip(-1)
    Bb = add(Hb, mul(d, TH if kneel else TH + SH))       # bottom knee / ankle on the mat
    Bt = sub(Bb, mul(n, LIMB - 0.5))                     # the top one stacked on it
    legs = []
    for H, B in ((Hb, Bb), (Ht, Bt)):
        if kneel:
            A = back(B, SH)                              # shin back along the mat
            legs.append(([H, B, A], ('foot', A, back(A, FOOT - 2))))
        else:
            legs.append(([H, lerp(H, B, TH / (TH + SH)), B], ('foot', B, back(B, -(FOOT - 3)))))
    fr.add_limb(legs[0][0], legs[0][1], 'back')
    fr.add_limb(legs[1][0], legs[1][1], 'back', halo=0)
    # supporting arm: upper arm straight down to the elbow, forearm on the mat
    fr.add_limb([fr.sh(1), E, (E[0] + FA, lo)], ('hand', (E[0] + FA + 4, on(b, 'hand'))), 'back')
    # top hand on the top hip, elbow up
    hc = add(add(Pc, mul(n, -(hw + HAND_R - 4))), mul(d, -3))
    fr.add_limb(arm_to_hand(fr.sh(-1), hc, mul(n, -1), 'splank-top')['pts'], ('hand', hc), 'front', halo=8)
    fr.draw(L)
    x0, x1, _, _ = layer_bbox(L)
    oblique_mat(L, x0 - 6 + (KNEEL_MAT_DX if kneel else 0), x1 + 6, KNEEL_MAT_ZB if kneel else 18, 14)
    return Pc, n


def _side_plank(sc, kneel):
    """One frame: the lifted position, an arrow over the hips (lift them).
    Two frames (lying, then lifted) came out too small to read."""
    sc.floor = False
    L = sc.layer()
    Pc, n = side_plank_front(L, kneel)
    p = add(Pc, mul(n, -(13 + 9)))
    L.arrow_line(p, add(p, (0, 24)))


@scene
def side_plank_kneeling(sc):
    _side_plank(sc, True)


@scene
def side_plank(sc):
    _side_plank(sc, False)


@scene
def back_extension_prone(sc):
    poses = []
    b = MAT
    for up in (False, True):
        L = sc.layer()
        S, Hp, hd = prone(0)
        if not up:
            fg = Side(S, Hp, hd, face=-100, tag='bep1')
        else:
            a = 15
            S = P(Hp, a, TOR)
            fg = Side(S, Hp, P(S, a, NECK), face=a - 95, tag='bep2')
        # arms by the sides, palms down (lifted a little with the chest)
        if not up:
            fg.arm_n = fg.arm_f = arm_along_floor(S, d=-1)
        else:
            back = ang(S, Hp)
            E = add(P(S, back, UA), P((0, 0), back + 90, -6))
            Wr = P(E, back - 3, FA)
            fg.arm_n = fg.arm_f = {'pts': [S, E, Wr], 'end': ('hand', P(Wr, back - 3, 3.5))}
        fg.leg_n = fg.leg_f = prone_leg(Hp)
        fg.draw(L)
        under_mat(L)
        poses.append(L)
    sc.row(poses)


@scene
def back_extension_ball(sc):
    poses = []
    R = 23
    for up in (False, True):
        L = sc.layer()
        bc = (0, R + 1.5)
        L.circle(bc, R, 3)
        rr = R + 1.5 + TORSO / 2 - 1          # torso centre line on the ball
        Hp = P(bc, 112, rr)
        ay = on(0, 'limb') + 3
        A = (Hp[0] - ((TH + SH - 0.3) ** 2 - (Hp[1] - ay) ** 2) ** 0.5, ay)
        a = ang(A, Hp)
        toe = (A[0] + 6, on(0, 'foot') - 1.5)
        lg = {'pts': [Hp, lerp(Hp, A, TH / (TH + SH)), A], 'end': ('foot', P(A, ang(A, toe), -HEEL), toe)}
        if not up:
            # chest curved forward over the ball, head down
            a0, a1 = 112, 22
            S = P(bc, a1, rr)
            c = P(bc, (a0 + a1) / 2, rr / math.cos(rad((a0 - a1) / 2)))
            fg = Side(S, Hp, P(S, -58, NECK), bulge=mul(sub(c, lerp(S, Hp, 0.5)), 0.5), face=-140, tag='ball1')
            t = ang(Hp, S)
        else:
            S = P(Hp, a, TOR)
            fg = Side(S, Hp, P(S, a, NECK), face=a - 92, tag='ball2')
            t = a
        # arms crossed over the chest
        fg.arm_n = fg.arm_f = crossed_arm(S, t)
        fg.arm_n['halo'] = 9
        lg['halo'] = None
        fg.leg_n = fg.leg_f = lg
        fg.draw(L)
        poses.append(L)
    sc.row(poses)


@scene
def dead_bug(sc):
    poses = []
    for move in (False, True):
        L = sc.layer()
        S, Hp, hd = supine(0)
        fg = Side(S, Hp, hd, tag='deadbug')
        up = arm_fk(S, 90, 90)
        K = (Hp[0], Hp[1] + TH)
        A = (K[0] + SH, K[1])
        table = {'pts': [Hp, K, A], 'end': ('foot', P(A, 90, -HEEL), P(A, 90, FOOT))}
        fg.leg_n = table
        fg.arm_f = up
        if not move:
            fg.arm_n = up
            fg.leg_f = table
        else:
            # near arm back overhead, far (opposite) leg straight out, low
            fg.arm_n = arm_fk(S, 138, 140)
            fg.arm_n['halo'] = 0
            fg.leg_f = leg_fk(Hp, 14, 14, 100)
        fg.draw(L)
        under_mat(L)
        poses.append(L)
    sc.row(poses)


@scene
def chin_tuck(sc):
    L = sc.layer()
    chair(L, 0, 1)
    Hp, S, lg = seated(26, 90, 1, 'chin')
    hd = (S[0] - 1, S[1] + NECK)
    fg = Side(S, Hp, hd, face=0, tag='chin')
    fg.leg_n = fg.leg_f = lg
    fg.arm_n = fg.arm_f = hands_on_thighs(S, Hp)
    # where the head started: pushed forward (dashed)
    ghost = (hd[0] + 16, hd[1] - 1)
    L.line(P(ghost, 0, HR - 2), P(ghost, 0, HR + 4.2), 4.2)
    L.circle(ghost, HR, 3, dash='5 4')
    fg.draw(L)
    y = hd[1] + HR + 12
    L.arrow_line((hd[0] + 28, y), (hd[0] - 2, y))


@scene
def shoulder_blade_squeeze(sc):
    """Seen from behind, sitting on a stool."""
    L = sc.layer()
    stool_front(L, 0)
    fr = seated_front(0)
    fr.face = None
    l, r = fr.sh(-1), fr.sh(1)
    for s, side in ((l, -1), (r, 1)):
        e = (s[0] + side * 6, s[1] - UA + 1)
        w = (e[0] + side * 2, e[1] - FA)
        fr.add_limb([s, e, w], ('hand', (w[0] + side * 0.5, w[1] - 3.5)))
    N = fr.N

    def blades(L):
        for side in (1, -1):
            x = side * 4.5
            L.fill([(x, N[1] - 9), (x + side * 10.5, N[1] - 8), (x + side * 2, N[1] - 27)], '#fff', outline=2)
        L.line((0, N[1] - 5), (0, fr.Pc[1] + 6), 2.2, color='#fff')
    fr.hooks['torso'] = blades
    fr.draw(L)
    y = N[1] - 16
    for side in (1, -1):
        L.arrow_line((side * 62, y), (side * 33, y))


@scene
def wall_posture(sc):
    L = sc.layer()
    wall(L, 0, top=190, side=1)
    face = 1.5
    x = face + TORSO / 2 + 0.5
    A = (face + FOOT_W / 2 + HEEL + 0.5, ANKLE)
    Hp = (x, A[1] + TH + SH - 0.3)
    S = (x, Hp[1] + TOR)
    hx = face + HR + HEAD_SW / 2 + 0.5
    hd = (hx, S[1] + (NECK ** 2 - (hx - x) ** 2) ** 0.5)
    fg = Side(S, Hp, hd, face=0, tag='wall')
    fg.leg_n = fg.leg_f = {'pts': [Hp, lerp(Hp, A, 0.5), A], 'end': flat_foot(A)}
    fg.arm_n = fg.arm_f = hang_arm(S, 1, 5)
    fg.draw(L)
    # chin in and shoulders back: the back of the head and the shoulder
    # blades rest on the wall
    for y, x in ((hd[1] + 2, hd[0] + HR + 8), (S[1] - 12, S[0] + TORSO / 2 + 6)):
        L.arrow_line((x + 24, y), (x, y))


# clamshell: seen from the front (the patient faces us) and a little
# above, so the mat's top shows and the bent legs, coming towards us, are
# drawn below the body; depth is a straight-down offset (no slant)
OB_CLAM = (0, 0.42)


def clam_pose(L, opened):
    """Lying on the right side, head to the left resting on the lower arm
    (stretched out on the mat overhead), shoulders and hips stacked, hips
    bent about 55 degrees and the knees bent so the feet are back in line
    with the buttocks; the top hand on the top hip.  opened: the top knee
    lifted (turned up about the line hip - ankle) while the feet stay
    together."""
    ob = OB_CLAM
    pr = lambda x, y, z: pr_lying(x, y, z, ob)
    B = MAT
    lo = on(B, 'limb')
    lying_mat(L, -62, 116, -12, 40, ob)
    sw, hw = 17, 13
    N = (0, B + sw + 2.5)
    Pc = (TOR + 2, B + hw + 2.5)
    hd = (-NECK + 2.5, lo + LIMB / 2 + HR + HEAD_SW / 2 - 0.5)
    fr = Front(N, Pc, hd, sw=sw, hw=hw)
    th = 55                                          # hip bend

    def leg3(hp, y, lift):
        """hip (x, y), knee and ankle at height y; returns picture points."""
        k = (hp[0] + TH * math.cos(rad(th)), y, TH * math.sin(rad(th)))
        a = (k[0] + SH * math.cos(rad(th)), y, k[2] - SH * math.sin(rad(th)))
        if lift:
            k = (k[0], y + k[2] * math.sin(rad(lift)), k[2] * math.cos(rad(lift)))
        fd = (math.sin(rad(th)), 0, math.cos(rad(th)))    # foot, square to the shin
        heel = pr(a[0] - 3 * fd[0], a[1], a[2] - 3 * fd[2])
        toe = pr(a[0] + (FOOT - 3) * fd[0], a[1], a[2] + (FOOT - 3) * fd[2])
        return [hp, pr(*k), pr(*a)], ('foot', heel, toe)
    hb, ht = fr.hip(-1), fr.hip(1)
    pts, end = leg3(hb, lo, 0)
    fr.add_limb(pts, end, 'back')
    pts, end = leg3(ht, lo + LIMB - 0.5, 55 if opened else 0)
    fr.add_limb(pts, end, 'front', halo=4)
    kt = pts[1]
    # the lower arm stretched out overhead on the mat, the head on it
    sb = fr.sh(-1)
    E = (sb[0] - UA, lo)
    Wr = (E[0] - FA, lo)
    fr.add_limb([sb, E, Wr], ('hand', (Wr[0] - 4, on(B, 'hand'))), 'back')
    # the top hand on the top hip, the elbow up
    hc = (Pc[0] - 1, Pc[1] + hw + HAND_R - 3.5)
    fr.add_limb(arm_to_hand(fr.sh(1), hc, (0, 1), 'clam-top')['pts'], ('hand', hc), 'front', halo=8)
    fr.draw(L)
    if opened:
        # the top knee lifts (the feet stay together)
        L.arrow_line((kt[0] + 2, kt[1] + 11), (kt[0] + 2, kt[1] + 31))


@scene
def clamshell(sc):
    """1: lying on the side, knees together; 2: the top knee opened like
    a clam, the feet together (see clam_pose)."""
    sc.floor = False
    poses = []
    for opened in (False, True):
        L = sc.layer()
        clam_pose(L, opened)
        poses.append(L)
    sc.row(poses)


@scene
def sit_to_stand(sc):
    poses = []
    for stand in (False, True):
        L = sc.layer()
        chair(L, 0, 1, arms=True)                    # a sturdy chair with arms
        wall(L, -10.5, top=150, side=1)              # ... backed against a wall
        if not stand:
            Hp = (30, HIP_SEAT)
            S = P(Hp, 62, TOR)
            A = (Hp[0] + TH - 6, ANKLE)
            fg = Side(S, Hp, P(S, 62, NECK), face=-10, tag='sts1')
            lg = leg(Hp, A, (1, 1), 0, 'sts1-leg')
            lg['end'] = flat_foot(A)
            ca = 62
        else:
            A, Hp, S, hd, lg = standing(A[0] + 2)
            fg = Side(S, Hp, hd, face=0, tag='sts2')
            ca = 90
        fg.leg_n = fg.leg_f = lg
        fg.arm_n = fg.arm_f = crossed_arm(S, ca)
        fg.draw(L)
        poses.append(L)
    sc.row(poses)


@scene
def heel_raise(sc):
    poses = []
    for up in (False, True):
        L = sc.layer()
        A, Hp, S, hd, lg = standing(0)
        if up:
            lift = (FOOT - 2) * math.sin(rad(45))
            A, Hp, S, hd = [(p[0], p[1] + lift) for p in (A, Hp, S, hd)]
            lg = {'pts': [Hp, (Hp[0], Hp[1] - TH), A], 'end': ('foot', P(A, -45, -HEEL), P(A, -45, FOOT))}
        fg = Side(S, Hp, hd, face=0, tag='heel')
        fg.leg_n = fg.leg_f = lg
        cb = 40
        chair(L, cb, facing=1)
        hc = (cb - 5, SEAT + 62 + 4)
        fg.arm_n = fg.arm_f = arm_to_hand(S, hc, (0, -1), 'heel-arm')
        fg.draw(L)
        if up:
            L.arrow_line((A[0] - 16, 6), (A[0] - 16, 32))
        poses.append(L)
    sc.row(poses)


@scene
def band_row(sc):
    poses = []
    for pull in (False, True):
        L = sc.layer()
        chair(L, 0, 1)
        Hp, S, lg = seated(26, 90, 1, 'row')
        hy = S[1] - 8
        post = S[0] + 86
        L.rect(post, 0, post + 8, S[1] + 40, 3)
        anchor = (post - 1, hy + 2)
        fg = Side(S, Hp, (S[0] + 1.5, S[1] + NECK), face=0, tag='row')
        fg.leg_n = fg.leg_f = lg
        if not pull:
            hc = (S[0] + 55, hy)
            fg.arm_n = fg.arm_f = {'pts': [S, P(S, ang(S, hc), UA), P(S, ang(S, hc), UA + FA)], 'end': ('hand', hc)}
        else:
            hc = (S[0] + 14, S[1] - 30)
            fg.arm_n = fg.arm_f = arm_to_hand(S, hc, (-1, -0.2), 'row-arm')

        def band(L, hc=hc):
            L.line(add(hc, (1, 2)), anchor, 2.5)
            L.line(add(hc, (1, -2)), anchor, 2.5)
        fg.hooks['leg_n'] = band
        fg.draw(L)
        if pull:
            L.arrow_line((S[0] + 46, S[1] - 14), (S[0] + 20, S[1] - 14))
        poses.append(L)
    sc.row(poses)


def hands_on_body(S, Hp, xs, b=MAT):
    """Arms for lying on the back: elbows on the mat beside the body, hands
    resting on the top of the torso at the given x positions."""
    top = Hp[1] + TORSO / 2 + HAND_R - 1.5
    out = []
    for x in xs:
        E = (S[0] + 24, on(b, 'limb') + 1)
        out.append(arm_via(S, E, (x, top)))
    return out


@scene
def abdominal_bracing(sc):
    L = sc.layer()
    S, Hp, hd = supine(0)
    fg = Side(S, Hp, hd, tag='brace')
    fg.leg_n = fg.leg_f = hook_leg(Hp)
    fg.arm_n, = hands_on_body(S, Hp, [Hp[0] - 7])
    fg.arm_f = fg.arm_n
    fg.draw(L)
    under_mat(L)
    # no arrow: the back stays still (pressing it down is listed as a mistake)


@scene
def diaphragmatic_breathing(sc):
    L = sc.layer()
    S, Hp, hd = supine(0)
    # head on a pillow
    pil = 7
    S = (S[0], S[1])
    hd = (hd[0] - 1, hd[1] + pil - 2)
    L.rect(hd[0] - 17, MAT, hd[0] + 13, MAT + pil, 3, rx=3.5)
    fg = Side(S, Hp, hd, tag='breath')
    fg.leg_n = fg.leg_f = hook_leg(Hp)
    top = Hp[1] + TORSO / 2 + HAND_R - 1.5
    belly = arm_via(S, (S[0] + 27, on(MAT, 'limb') - NEAR_DROP), (Hp[0] - 14, top))
    chest = arm_via(S, (S[0] + 27, on(MAT, 'limb') + 1), (S[0] + 11, top))
    fg.arm_n, fg.arm_f = belly, chest
    fg.arm_f['halo'] = 6
    fg.hollow_far = False
    fg.order = ['leg_f', 'torso', 'neck', 'head', 'leg_n', 'arm_f', 'arm_n']
    fg.draw(L)
    under_mat(L)
    x = Hp[0] - 20
    top = Hp[1] + TORSO / 2
    L.arrow_line((x, top + 15), (x, top + 40), both=True)


def walker(L, hx=0, tag='walk'):
    Hp = (hx, ANKLE + TH + SH - 4)
    S = P(Hp, 86, TOR)
    fg = Side(S, Hp, P(S, 84, NECK), face=-5, tag=tag)
    An = (hx + 29, ANKLE + 3)
    fg.leg_n = leg(Hp, An, (1, 0), 18, tag + '-front')
    Af = (hx - 27, ANKLE + 9)
    fg.leg_f = leg(Hp, Af, (1, 0), -34, tag + '-back')
    fg.arm_n = arm_fk(S, -112, -95)
    fg.arm_f = arm_fk(S, -66, -32)
    fg.draw(L)
    return fg


@scene
def walking(sc):
    L = sc.layer()
    walker(L)


@scene
def swimming(sc):
    """Front crawl at the water surface: one arm reaching forward under the
    water, the other coming over the top."""
    sc.floor = False
    L = sc.layer()
    wy = 0
    ty = wy - 6
    Hp = (0, ty - 2)
    S = (TOR, ty)
    hd = P(S, -2, NECK)
    fg = Side(S, Hp, hd, face=-75, tag='swim')
    fg.arm_f = arm_fk(S, -6, -4)                      # reaching forward in the water
    E = P(S, 118, UA)                                 # recovering over the water, elbow high
    Wr = P(E, -14, FA)
    fg.arm_n = {'pts': [S, E, Wr], 'end': ('hand', P(Wr, -14, 3.5)), 'halo': 6}
    fg.leg_n = leg_fk(Hp, 185, 179)
    A = fg.leg_n['pts'][2]
    fg.leg_n['end'] = ('foot', P(A, 0, 2), P(A, 184, FOOT))
    fg.leg_f = leg_fk(Hp, 176, 181)
    A = fg.leg_f['pts'][2]
    fg.leg_f['end'] = ('foot', P(A, 0, 2), P(A, 176, FOOT))
    fg.order = ['leg_f', 'arm_f', 'torso', 'neck', 'head', 'leg_n']
    fg.draw(L)
    x0, x1, _, _ = layer_bbox(L)
    ps = wave_pts(x0 - 12, x1 + 12, wy, 2, 40)
    L.poly(ps, 3.5 + 5, color='#fff')
    L.poly(ps, 3.5)
    draw_limb(L, fg.arm_n['pts'], False, fg.arm_n['end'], 6)


def swimming(sc):
    """Front crawl at the water surface."""
    sc.floor = False
    L = sc.layer()
    wy = 0
    Hp = (0, wy - 3)
    S = (TOR, wy - 1)
    hd = P(S, 4, NECK)
    fg = Side(S, Hp, hd, face=-70, tag='swim')
    fg.arm_n = arm_fk(S, -3, -1)                     # reaching forward
    E = P(S, 112, UA)
    fg.arm_f = {'pts': [S, E, P(E, -28, FA)], 'end': ('hand', P(P(E, -28, FA), -28, 3.5))}
    fg.leg_n = leg_fk(Hp, 184, 180, 180 + 90)
    fg.leg_n['end'] = ('foot', P(fg.leg_n['pts'][2], 0, 2), P(fg.leg_n['pts'][2], 187, FOOT))
    fg.leg_f = leg_fk(Hp, 176, 180, 180 + 90)
    fg.leg_f['end'] = ('foot', P(fg.leg_f['pts'][2], 0, 2), P(fg.leg_f['pts'][2], 173, FOOT))
    fg.draw(L)
    x0, x1, _, _ = layer_bbox(L)
    ps = wave_pts(x0 - 12, x1 + 12, wy + 3, 2, 42)
    L.poly(ps, 3.5 + 5, color='#fff')
    L.poly(ps, 3.5)


def swimming(sc):
    """Front crawl at the water surface."""
    sc.floor = False
    L = sc.layer()
    wy = 0
    Hp = (0, wy - 4)
    S = (TOR, wy - 2)
    hd = P(S, 8, NECK)
    fg = Side(S, Hp, hd, face=-55, tag='swim')
    fg.arm_n = arm_fk(S, 2, 4)                      # reaching forward
    fg.arm_f = arm_fk(S, 118, -62)                   # recovering over the water
    fg.leg_n = leg_fk(Hp, 186, 178, 178 + 90)
    fg.leg_f = leg_fk(Hp, 174, 182, 182 + 90)
    fg.draw(L)
    x0, x1, _, _ = layer_bbox(L)
    ps = wave_pts(x0 - 14, x1 + 14, wy + 4, 2.2, 36)
    L.poly(ps, 3.5 + 5, color='#fff')
    L.poly(ps, 3.5)


@scene
def cycling(sc):
    L = sc.layer()
    H0 = (0, 97)
    C = (H0[0] + 20, 32)
    F = (H0[0] + 72, 30)
    L.rect(H0[0] - 34, 0, H0[0] + 96, 6, 3, rx=3)                    # base
    L.line((H0[0] - 8, 6), (H0[0] - 2, 84), EQ + 1)                   # seat post
    L.line((H0[0] - 5, 50), C, EQ + 1)
    L.line(C, F, EQ + 1)
    L.line((H0[0] + 90, 6), (H0[0] + 62, 118), EQ + 1)               # front post
    L.circle(F, 24, EQ)                                               # flywheel
    L.circle(F, 5, 3)
    L.line((H0[0] + 62, 118), (H0[0] + 52, 121), 6)                  # handlebar
    L.line((H0[0] - 15, 87), (H0[0] + 12, 87), 7)                    # saddle
    Hp = (H0[0], 87 + 3.5 + TORSO / 2 - 1)
    S = P(Hp, 66, TOR)
    fg = Side(S, Hp, P(S, 60, NECK), face=-10, tag='bike')
    ca = -35
    pn, pf = P(C, ca, 15), P(C, ca + 180, 15)
    for key, p, t in (('leg_n', pn, 'near'), ('leg_f', pf, 'far')):
        A = add(p, (-5, 6))
        lg = leg(Hp, A, (1, 0.4), -12, 'bike-' + t)
        setattr(fg, key, lg)
    fg.arm_n = fg.arm_f = arm_to_hand(S, (H0[0] + 54, 122), (0, -1), 'bike-arm')

    def crank(L):
        L.line(pf, pn, 4)
        L.circle(C, 6, 3)
    fg.hooks['leg_n'] = crank
    fg.draw(L)


def prone_with_pack(sc):
    L = sc.layer()
    S, Hp, hd = prone(0)
    fg = Side(S, Hp, hd, face=-100, tag='pack')
    fg.leg_n = fg.leg_f = prone_leg(Hp)
    fg.arm_n = fg.arm_f = arm_along_floor(S, d=-1)
    fg.draw(L)
    under_mat(L)
    top = Hp[1] + TORSO / 2
    L.rect(Hp[0] + 6, top - 1, Hp[0] + 36, top + 8, 3, rx=3.5)      # the wrapped pack
    return L, (Hp[0] + 21, top + 8)


@scene
def heat_pack(sc):
    L, c = prone_with_pack(sc)
    heat_waves(L, c[0], c[1] + 7, 3, 11, 26)


@scene
def cold_pack(sc):
    L, c = prone_with_pack(sc)
    snowflake(L, (c[0], c[1] + 22), 14)


@scene
def heat_cold_alternating(sc):
    L, c = prone_with_pack(sc)
    heat_waves(L, c[0] - 27, c[1] + 8, 3, 10, 26)
    snowflake(L, (c[0] + 31, c[1] + 21), 13)
    L.arrow_line((c[0] - 9, c[1] + 21), (c[0] + 12, c[1] + 21), both=True, head=11, half=7)


@scene
def progressive_muscle_relaxation(sc):
    L = sc.layer()
    S, Hp, hd = supine(0)
    pil = 7
    hd = (hd[0] - 1, hd[1] + pil - 2)
    L.rect(hd[0] - 17, MAT, hd[0] + 13, MAT + pil, 3, rx=3.5)        # pillow under the head
    roll = (Hp[0] + 40, MAT + 9)
    L.ellipse(roll, 19, 9, 3)                                        # pillow under the knees
    fg = Side(S, Hp, hd, tag='pmr')
    K = (roll[0] - 1, roll[1] + 9 + 1.5 + LIMB / 2)
    A = (K[0] + (SH ** 2 - (K[1] - on(MAT, 'limb')) ** 2) ** 0.5, on(MAT, 'limb'))
    fg.leg_n = fg.leg_f = {'pts': [Hp, K, A], 'end': ('foot', P(A, 30, -HEEL), P(A, 30, FOOT))}
    fg.arm_n = fg.arm_f = arm_along_floor(S)
    fg.draw(L)
    under_mat(L)


@scene
def sitting_posture(sc):
    L = sc.layer()
    xb = 0
    chair(L, xb, 1, back_h=70)
    Hp = (xb + 14, HIP_SEAT)
    S = P(Hp, 91, TOR)
    hd = P(S, 89, NECK)
    L.ellipse((xb + 5.5, Hp[1] + 14), 4, 7, 3)                       # rolled towel at the low back
    fg = Side(S, Hp, hd, face=0, tag='sit')
    A = (Hp[0] + TH + 1, ANKLE)
    fg.leg_n = fg.leg_f = leg(Hp, A, (1, 1), 0, 'sit-leg')
    fg.leg_n['end'] = flat_foot(A)
    E = P(S, -88, UA)
    Wr = P(E, 4, FA)
    fg.arm_n = fg.arm_f = {'pts': [S, E, Wr], 'end': ('hand', P(Wr, 4, 3.5))}
    dt = Wr[1] - 5.5 - 3
    desk(L, Hp[0] + 44, Hp[0] + 150, dt, legs=(Hp[0] + 58, Hp[0] + 142))
    L.rect(Wr[0] - 6, dt, Wr[0] + 20, dt + 4, 2.5, rx=1.5)           # keyboard
    monitor(L, S[0] + 80, dt, hd[1] + 8)
    fg.draw(L)


@scene
def safe_lifting(sc):
    poses = []
    # 1: squat, straight back, box close in front of the feet
    L = sc.layer()
    A = (0, ANKLE)
    Hp = (-27, 47)
    S = P(Hp, 37, TOR)
    fg = Side(S, Hp, P(S, 40, NECK), face=-15, tag='lift1')
    lg = leg(Hp, A, (1, 1), 0, 'lift1-leg')
    lg['end'] = flat_foot(A)
    fg.leg_n = fg.leg_f = lg
    bx0, bx1, bh = 10, 52, 34
    hc = (bx0 + 10, bh - 5)
    fg.arm_n = fg.arm_f = arm_to_hand(S, hc, (0.3, -1), 'lift1-arm')
    fg.hooks['leg_n'] = lambda L: L.rect(bx0, 0, bx1, bh, 3, rx=2)
    fg.draw(L)
    poses.append(L)
    # 2: standing up, the box held close
    L = sc.layer()
    A, Hp, S, hd, lg = standing(0)
    fg = Side(S, Hp, hd, face=0, tag='lift2')
    fg.leg_n = fg.leg_f = lg
    by0 = Hp[1] - 6
    box = (S[0] + 11, by0, S[0] + 47, by0 + 30)
    hc = (S[0] + 22, by0 + 10)
    fg.arm_n = fg.arm_f = arm_to_hand(S, hc, (-1, -0.3), 'lift2-arm')
    fg.hooks['leg_n'] = lambda L: L.rect(*box, w=3, rx=2)
    fg.draw(L)
    poses.append(L)
    sc.row(poses)


@scene
def hydration(sc):
    L = sc.layer()
    # glass of water
    g = [(-30, 0), (30 - 30 - 0, 0)]
    L.poly([(-58, 86), (-6, 86), (-12, 1.5), (-52, 1.5)], 4, fill='#fff', closed=True)
    L.poly(wave_pts(-56, -8, 64, 2, 16), 3)
    for c, r in (((-38, 40), 3.2), ((-25, 22), 2.8), ((-34, 14), 2.4)):
        L.circle(c, r, 2.5)
    # bottle
    L.poly([(14, 1.5), (14, 96), (22, 108), (24, 120), (42, 120), (44, 108), (52, 96), (52, 1.5)],
           4, fill='#fff', closed=True)
    L.rect(22, 120, 44, 134, 4, rx=3)
    L.poly(wave_pts(16, 50, 84, 2, 12), 3)
    L.line((14, 52), (52, 52), 3)
    L.line((14, 28), (52, 28), 3)
    # apple
    ap = [(102, 58), (116, 60), (124, 44), (122, 22), (112, 6), (102, 8), (92, 6), (82, 22), (80, 44), (88, 60)]
    L.fill([(x, y) for x, y in qbez_closed(ap)], '#000')
    L.fill([(x, y) for x, y in qbez_closed([(x + 0, y) for x, y in ap])], '#fff', outline=0)
    L.poly(qbez_closed(ap), 4, fill='#fff', closed=True)
    L.line((102, 56), (100, 72), 4)
    L.fill([(103, 66), (112, 74), (122, 72), (114, 64)], '#000', outline=2)


def qbez_closed(ps, n=6):
    """Smooth closed curve through the midpoints of ps (control points)."""
    out = []
    m = len(ps)
    for i in range(m):
        a = lerp(ps[i - 1], ps[i], 0.5)
        b = lerp(ps[i], ps[(i + 1) % m], 0.5)
        out += qbez(a, ps[i], b, n)[:-1]
    return out


@scene
def movement_breaks(sc):
    L = sc.layer()
    # the desk and the empty chair behind; the person has stood up and walks
    desk(L, -150, -62, 72, legs=(-142, -70))
    monitor(L, -128, 72, 120)
    chair(L, -12, -1)
    walker(L, 34)
    c = (-40, 150)
    L.circle(c, 17, 4)
    L.line(c, (c[0], c[1] + 11), 3.5)
    L.line(c, (c[0] + 8, c[1] - 3), 3.5)


def bed(L, x0, x1, top=45, head=True):
    """Bed seen from its long side; `top` = mattress surface."""
    if head:
        L.rect(x0 - 8, 0, x0, top + 40, 3, rx=2)                   # headboard
    L.rect(x0, top - 16, x1, top, 3, rx=4)
    for x in (x0 + 6, x1 - 6):
        L.line((x, top - 16), (x, 0), EQ + 1)


@scene
def getting_out_of_bed(sc):
    """The bed seen from the side the patient gets out on, head end to the
    left.  1: lying on the back, knees bent, feet flat; 2: rolled onto the
    side towards us in one piece, knees bent (the thighs come towards us,
    drawn as a short slant), top hand on the mattress in front; 3: the
    lower legs over the edge, pushing up on the lower forearm and the top
    hand (front view); 4: sitting on the edge, feet on the floor."""
    BT = 45
    top = BT + 1.5                       # mattress surface (outline included)
    fwd = (-OB[0], -OB[1])               # picture offset of one unit towards us
    poses = []

    def bed_with_pillow(L):
        bed(L, 0, 144, BT)
        L.ellipse((18, BT + 4.5), 15, 4.5, 3)

    # 1: on the back, knees bent, feet flat on the mattress
    L = sc.layer()
    bed_with_pillow(L)
    S, Hp, hd = supine(84, b=top)
    hd = (hd[0] + 1, hd[1] + 6)
    fg = Side(S, Hp, hd, tag='bed1')
    fg.leg_n = fg.leg_f = hook_leg(Hp, b=top, reach=44)
    fg.arm_n = fg.arm_f = arm_along_floor(S, b=top)
    fg.draw(L)
    poses.append(L)

    # 2: rolled onto the side, facing us, knees bent
    L = sc.layer()
    bed_with_pillow(L)
    Pc = (90, top + 13 + 2)
    N = (Pc[0] - TOR - 2, Pc[1] + 1)
    fr = Front(N, Pc, (N[0] - NECK + 3, N[1] + 1))
    for side in (-1, 1):                  # bottom leg, then the top one on it
        hp = fr.hip(side)
        y = top + LIMB / 2 + (LIMB - 1 if side > 0 else 0)
        k = add((hp[0] + 2, y), mul(fwd, 28))
        a = (k[0] + SH - 8, y + 3)
        fr.add_limb([hp, k, a], ('foot', a, (a[0] + FOOT - 3, y + 3)),
                     'back' if side < 0 else 'front', halo=None if side < 0 else 6)
    # top hand on the mattress in front of the chest, ready to push
    sh_t = fr.sh(1)
    hc = add((sh_t[0] + 14, top + HAND_R), mul(fwd, 6))
    fr.add_limb(arm_to_hand(sh_t, hc, (0, 1), 'bed2-arm')['pts'], ('hand', hc), 'front', halo=10)
    fr.draw(L)
    poses.append(L)

    # 3: pushing up on the lower forearm and the top hand, legs over the edge
    L = sc.layer()
    bed_with_pillow(L)
    cx = 74
    Pc = (cx, BT + 10)

    def lower_shoulder_y(lean):
        f = Front(P(Pc, 90 + lean, TOR + 2), Pc, Pc)
        return f.sh(-1)[1]
    lean = solve(lambda a: lower_shoulder_y(a) - (top + LIMB / 2 + UA - 2), 10, 80)
    N = P(Pc, 90 + lean, TOR + 2)
    fr = Front(N, Pc, P(N, 90 + lean - 10, NECK - 2))
    for side in (1, -1):
        hp = fr.hip(side)
        k = (cx + side * 13, BT + 6)
        a = (cx + side * 14, ANKLE + 4)
        fr.add_limb([hp, k, a], ('foot', a, (a[0] + side * 7, on(0, 'foot') + 4)), 'back')
    sl = fr.sh(-1)
    E = (sl[0] + 2, top + LIMB / 2)
    fr.add_limb([sl, E, (E[0] - FA + 6, top + LIMB / 2)], ('hand', (E[0] - FA + 2, top + HAND_R)), 'back')
    st = fr.sh(1)
    hc = (cx - 14, top + HAND_R)
    fr.add_limb(arm_to_hand(st, hc, (1, 1), 'bed3-arm')['pts'], ('hand', hc), 'front', halo=10)
    fr.draw(L)
    poses.append(L)

    # 4: sitting on the edge, feet on the floor (front view)
    L = sc.layer()
    bed_with_pillow(L)
    fr = seated_front(84, seat=BT)
    for side in (1, -1):
        s2 = fr.sh(side)
        hc = (84 + side * 27, top + HAND_R)
        fr.add_limb(arm_to_hand(s2, hc, (side, 0), 'bed4-arm')['pts'], ('hand', hc))
    fr.draw(L)
    poses.append(L)
    # the gap between the columns leaves room for the printed number of
    # frames 2 and 4, which sits to the left of its frame
    sc.row(poses, gap=46, layout='stack', groups=(2, 2))


@scene
def lower_back_rotation(sc):
    """Lying on the back seen from the front and above, head to the left,
    arms out to the sides on the mat (shoulders flat).  1: knees bent and
    together, feet flat; 2: both knees lowered together to one side
    (towards us), the feet staying on the mat."""
    sc.floor = False
    pr = pr_lying
    lo = on(MAT, 'limb')
    ty = on(MAT, 'torso')
    fw = UA + FA
    poses = []
    for rot in (0, 80):
        L = sc.layer()
        lying_mat(L, -40, 130, -36, 36)
        # the far arm, out to the side behind
        draw_limb(L, [pr(2, ty, -8), pr(2, lo, -8 - UA), pr(2, lo, -8 - fw)], False,
                  ('hand', pr(2, on(MAT, 'hand'), -8 - fw - 4)), None)
        legs = []
        c, s = math.cos(rad(rot)), math.sin(rad(rot))
        for z in (-6, 6):                 # far leg first
            # the knee turns about the body's long axis towards us; the foot
            # stays on the mat, rolling onto its side
            ky, kz = 35, z
            k = (TOR + 20, ty + ky * c - kz * s, kz * c + ky * s)
            a = (TOR + 44, lo + 4 * s, z + rot * 0.15)
            legs.append(([pr(TOR, ty, z), pr(*k), pr(*a)],
                         ('foot', pr(a[0] - 3, a[1], a[2]), pr(a[0] + FOOT, a[1], a[2]))))
        hd = (-NECK, on(MAT, 'head'), 0)
        L.line(pr(0, ty, 0), pr(*hd), NECK_W)
        L.poly([pr(0, ty, 0), pr(TOR, ty, 0)], TORSO)
        head(L, pr(*hd))
        for ps, e in legs:
            draw_limb(L, ps, False, e, 8)
        # the near arm, out to the side towards us
        draw_limb(L, [pr(2, ty, 8), pr(2, lo, 8 + UA), pr(2, lo, 8 + fw)], False,
                  ('hand', pr(2, on(MAT, 'hand'), 8 + fw + 4)), 6)
        poses.append(L)
    sc.row(poses)


@scene
def standing_back_bend(sc):
    """1: standing tall, hands on the small of the back (fingers down),
    elbows back; 2: in clear profile facing right, the hips pushed forward
    past the toes, knees straight, the trunk arching back from the waist
    (the bend in the low back, the chest straight, unlike a stoop's
    rounded upper back), the hands in the hollow of the low back, the head
    in line with the trunk and the nose pointing forward."""
    poses = []
    for bend in (False, True):
        L = sc.layer()
        A, Hp, S, hd, lg = standing(0)
        if bend:
            fwd = 20                                  # hips ahead of the ankles
            Hp = (A[0] + fwd, A[1] + ((TH + SH - 0.6) ** 2 - fwd ** 2) ** 0.5)
            lg = leg(Hp, A, (1, 0), 0, 'sbb-leg')
            lg['end'] = flat_foot(A)
            # the pelvis and low back carry on up the line of the legs, the
            # chest leans back above the waist
            W = P(Hp, ang(A, Hp) + 6, 20)
            ta = 126
            S = P(W, ta, TOR - 20)
            hd = P(S, ta - 4, NECK)                   # head in line with the chest
            fg = Side(S, Hp, hd, face=ta - 90, tag='sbb2')
            spine = qbez(S, W, Hp, 16)
            fg.order = [('arch' if p == 'torso' else p) for p in fg.order]
            fg.hooks['arch'] = lambda L, sp=spine: L.poly(sp, TORSO)
            # hand in the hollow behind the waist
            k = 11                                    # spine point at the waist
            hc = add(spine[k], P((0, 0), ang(spine[k + 1], spine[k - 1]) + 90, 14.5))
            back = 200
        else:
            fg = Side(S, Hp, hd, face=0, tag='sbb1')
            u = ang(Hp, S)
            hc = add(P(Hp, u, 14), P((0, 0), u + 90, 14))
            back = u + 50
        fg.leg_n = fg.leg_f = lg
        fg.arm_n = arm_to_hand(S, hc, P((0, 0), back, 1), 'sbb-arm')
        fg.draw(L)
        if bend:
            # the hips go forward, the shoulders back
            L.arrow_line((Hp[0] + 16, Hp[1] - 2), (Hp[0] + 40, Hp[1] - 2))
            L.arrow_arc(Hp, 92, 86, 112)
        poses.append(L)
    sc.row(poses)


@scene
def self_massage(sc):
    """Standing with the back to a wall, a tennis ball between the wall and
    the buttock muscle, knees slightly bent.  1: the ball at the buttock;
    2: the knees bent further, the body lower, the ball rolled higher up
    the back (a ball between two surfaces moves half as far as the body)."""
    R = 7                                    # a tennis ball, drawn larger than life
    poses = []
    for dip in (0, 13):
        L = sc.layer()
        wall(L, 0, top=178, side=1)
        back = 2 * R + 3                     # the back's outline, where it touches the ball
        hy = ANKLE + (TH + SH) * 0.95 - dip
        Hp = (back + TORSO / 2 - 1, hy)
        sx = TORSO / 2 + 6                   # the upper back just off the wall
        S = (sx, hy + (TOR ** 2 - (Hp[0] - sx) ** 2) ** 0.5)
        hd = P(S, 86, NECK)
        fg = Side(S, Hp, hd, face=0, tag='massage')
        A = (Hp[0] + 22, ANKLE)
        lg = leg(Hp, A, (1, 0), 0, 'massage-leg')
        lg['end'] = flat_foot(A)
        fg.leg_n = fg.leg_f = lg
        # arms relaxed, hands in front of the thighs (clear of the ball)
        fg.arm_n = fg.arm_f = arm_to_hand(S, (Hp[0] + 12, Hp[1] + 1), (-1, -0.2), 'massage-arm')
        by = Hp[1] + 3 + dip / 2             # ball centre: the buttock, then higher up the back
        bx = R + 1.5
        fg.hooks['leg_f'] = lambda L, c=(bx, by): L.circle(c, R, 3)
        fg.draw(L)
        if dip:
            # the body goes down and up (knees bending and straightening)
            x = A[0] + 16
            L.arrow_line((x, Hp[1] + 22), (x, Hp[1] - 22), both=True)
        poses.append(L)
    sc.row(poses)


# ==== END SCENES


FRAME_RE = re.compile(r'<rect id="frame-(\d+)" x="(-?[\d.]+)" y="(-?[\d.]+)" width="([\d.]+)" '
                      r'height="([\d.]+)" fill="none" stroke="none"/>$')


def check_frames(sc, svg):
    """Self-check of the frame markers (README, "Frame markers"): a scene
    with two or more poses writes one marker per pose, frame-1 .. frame-N,
    as the elements right after the background rect, each inside the
    viewBox, covering its pose and overlapping no other; a single-pose
    scene writes none.  Returns a list of problems."""
    probs = []
    lines = svg.split('\n')
    marks = []
    for ln in lines[2:]:
        m = FRAME_RE.match(ln)
        if not m:
            break
        marks.append((int(m.group(1)),) + tuple(float(v) for v in m.group(2, 3, 4, 5)))
    if svg.count('id="frame-') != len(marks):
        probs.append('a frame marker is not right after the background rect')
    poses = len(sc.layers)
    if poses < 2:
        if marks:
            probs.append('single pose but %d frame marker(s)' % len(marks))
        return probs
    if [m[0] for m in marks] != list(range(1, poses + 1)):
        probs.append('%d poses but markers %s' % (poses, [m[0] for m in marks] or 'none'))
        return probs
    vx, vy, vw, vh = sc.viewbox
    rects = [(x, y, x + w, y + h) for _, x, y, w, h in marks]
    for n, r in enumerate(rects, 1):
        if r[2] - r[0] < 1 or r[3] - r[1] < 1:
            probs.append('frame-%d is empty' % n)
        if r[0] < vx or r[1] < vy or r[2] > vx + vw or r[3] > vy + vh:
            probs.append('frame-%d reaches outside the viewBox' % n)
    for a in range(len(rects)):
        for b in range(a + 1, len(rects)):
            if F._overlap(rects[a], rects[b]):
                probs.append('frame-%d and frame-%d overlap' % (a + 1, b + 1))
    for n, (L, r) in enumerate(zip(sc._row[0] if sc._row else sc.layers, rects), 1):
        x0, x1, y0, y1 = F._bbox(L, sc.u)
        if (x0 + L.dx < r[0] - 0.05 or x1 + L.dx > r[2] + 0.05
                or -(y1 + L.dy) < r[1] - 0.05 or -(y0 + L.dy) > r[3] + 0.05):
            probs.append('frame-%d does not cover its pose' % n)
    if not sc._row or len(sc._row[0]) != poses:
        probs.append('%d layers but only %d laid out as frames by row()'
                     % (poses, len(sc._row[0]) if sc._row else 0))
    return probs


def main(argv):
    ids = argv[1:] or sorted(SCENES)
    os.makedirs(OUT_DIR, exist_ok=True)
    failed = False
    for i in ids:
        if i not in SCENES:
            sys.exit('unknown illustration id: %s' % i)
        F.WARNINGS.clear()
        sc = Scene()
        SCENES[i](sc)
        svg = sc.render()
        with open(os.path.join(OUT_DIR, i + '.svg'), 'w') as fh:
            fh.write(svg)
        for w in F.WARNINGS:
            print('warning [%s] %s' % (i, w), file=sys.stderr)
        for w in check_frames(sc, svg):
            print('warning [%s] frames: %s' % (i, w), file=sys.stderr)
            failed = True
    print('wrote %d illustration(s) to %s' % (len(ids), OUT_DIR))
    if failed:
        sys.exit('frame markers are wrong (see the warnings above)')


if __name__ == '__main__':
    main(sys.argv)
