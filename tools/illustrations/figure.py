"""Drawing kit for the ptbuilder exercise illustrations.

A tiny SVG writer plus a parametric line figure (side view and front/top
view), equipment and arrows.  Standard library only.

Coordinates are SVG user units on a 400 x 240 canvas, y pointing down.
Angles given to P() are in degrees, mathematical sense: 0 = right,
90 = up, 180 = left, -90 = down.
"""
import math

W, H = 400, 240

# ---------------------------------------------------------------- levels
FLOOR = 222            # centre of the floor line (stroke 3, top edge 220.5)
FOOT_Y = FLOOR - 6     # centre of a foot standing flat on the floor
MAT = 214              # top edge of the exercise mat (mat sits on the floor)
ON_MAT = MAT - 6       # centre of a limb resting on the mat
TORSO_MAT = MAT - 12   # centre line of a torso lying on the mat
HEAD_MAT = MAT - 15.5  # centre of a head resting on the mat
SEAT = 183             # top of a chair seat
HIP_SEAT = SEAT - 8.5  # hip joint of a person sitting on that seat

# ------------------------------------------------------- body proportions
TOR = 50     # shoulder point to hip joint
NECK = 19    # shoulder point to head centre
HR = 12      # head radius
UA, FA = 29, 26          # upper arm, forearm (to the wrist)
TH, SH = 42, 42          # thigh, shin
FOOT, HEEL = 12, 3       # ankle to toe, heel behind the ankle

# ------------------------------------------------------------ stroke set
LIMB = 9          # limbs
HOLLOW_IN = 3.6   # white core of a far-side (hollow) limb
TOR_OUT, TOR_IN = 21, 13   # side-view torso capsule: black outer, white inner
HEAD_SW = 4       # head outline
EQ = 3.5          # equipment
ARROW = 4         # arrow shafts

WARNINGS = []


# ------------------------------------------------------------- geometry
def rad(a):
    return math.radians(a)


def P(p, ang, l):
    """Point at distance l from p in direction ang (degrees, 90 = up)."""
    return (p[0] + l * math.cos(rad(ang)), p[1] - l * math.sin(rad(ang)))


def add(a, b):
    return (a[0] + b[0], a[1] + b[1])


def sub(a, b):
    return (a[0] - b[0], a[1] - b[1])


def mul(a, k):
    return (a[0] * k, a[1] * k)


def dist(a, b):
    return math.hypot(a[0] - b[0], a[1] - b[1])


def unit(v):
    l = math.hypot(v[0], v[1]) or 1.0
    return (v[0] / l, v[1] / l)


def ang(a, b):
    """Direction from a to b in degrees (90 = up)."""
    return math.degrees(math.atan2(a[1] - b[1], b[0] - a[0]))


def lerp(a, b, t):
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def perp(v):
    """Rotate a screen vector 90 degrees counter-clockwise (as seen)."""
    return (v[1], -v[0])


def ik(a, c, l1, l2, toward, tag=''):
    """Middle joint of a two-segment limb from a to c.

    Of the two solutions the one lying furthest in direction `toward`
    (a screen vector) is chosen.  Unreachable targets give a straight limb
    pointing at the target and a warning.
    """
    d = dist(a, c)
    base = math.atan2(c[1] - a[1], c[0] - a[0])
    if d >= l1 + l2:
        if d > l1 + l2 + 0.6:
            WARNINGS.append('%s: target %.1f beyond reach %.1f' % (tag, d, l1 + l2))
        return (a[0] + l1 * math.cos(base), a[1] + l1 * math.sin(base))
    if d <= abs(l1 - l2):
        WARNINGS.append('%s: target too close' % tag)
        d = abs(l1 - l2) + 0.01
    cos_t = (l1 * l1 + d * d - l2 * l2) / (2 * l1 * d)
    th = math.acos(max(-1.0, min(1.0, cos_t)))
    mid = lerp(a, c, 0.5)
    best = None
    for s in (1, -1):
        j = (a[0] + l1 * math.cos(base + s * th), a[1] + l1 * math.sin(base + s * th))
        score = (j[0] - mid[0]) * toward[0] + (j[1] - mid[1]) * toward[1]
        if best is None or score > best[0]:
            best = (score, j)
    return best[1]


def qbez(p0, c, p1, n=24):
    out = []
    for i in range(n + 1):
        t = i / n
        out.append(((1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * c[0] + t * t * p1[0],
                    (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * c[1] + t * t * p1[1]))
    return out


# ------------------------------------------------------------ svg writer
def f(v):
    s = '%.1f' % v
    if s.endswith('.0'):
        s = s[:-2]
    if s == '-0':
        s = '0'
    return s


def pts(ps):
    return ' '.join('%s,%s' % (f(x), f(y)) for x, y in ps)


class Svg:
    def __init__(self):
        self.items = []

    def raw(self, s):
        self.items.append(s)

    def begin(self, transform):
        self.raw('<g transform="%s">' % transform)

    def end(self):
        self.raw('</g>')

    def line(self, a, b, w=EQ, color='#000', cap='round', dash=None):
        extra = ' stroke-dasharray="%s"' % dash if dash else ''
        self.raw('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s" '
                 'stroke-linecap="%s"%s/>' % (f(a[0]), f(a[1]), f(b[0]), f(b[1]), color, f(w), cap, extra))

    def poly(self, ps, w=EQ, color='#000', fill='none', closed=False, join='round', cap='round', dash=None):
        tag = 'polygon' if closed else 'polyline'
        extra = ' stroke-dasharray="%s"' % dash if dash else ''
        self.raw('<%s points="%s" fill="%s" stroke="%s" stroke-width="%s" stroke-linejoin="%s" '
                 'stroke-linecap="%s"%s/>' % (tag, pts(ps), fill, color, f(w), join, cap, extra))

    def path(self, d, w=EQ, color='#000', fill='none', cap='round', join='round', dash=None):
        extra = ' stroke-dasharray="%s"' % dash if dash else ''
        self.raw('<path d="%s" fill="%s" stroke="%s" stroke-width="%s" stroke-linecap="%s" '
                 'stroke-linejoin="%s"%s/>' % (d, fill, color, f(w), cap, join, extra))

    def fillpath(self, d, color='#000'):
        self.raw('<path d="%s" fill="%s"/>' % (d, color))

    def circle(self, c, r, w=EQ, fill='#fff', color='#000', dash=None):
        extra = ' stroke-dasharray="%s"' % dash if dash else ''
        self.raw('<circle cx="%s" cy="%s" r="%s" fill="%s" stroke="%s" stroke-width="%s"%s/>'
                 % (f(c[0]), f(c[1]), f(r), fill, color, f(w), extra))

    def ellipse(self, c, rx, ry, w=EQ, fill='#fff', rot=0):
        tr = ' transform="rotate(%s %s %s)"' % (f(rot), f(c[0]), f(c[1])) if rot else ''
        self.raw('<ellipse cx="%s" cy="%s" rx="%s" ry="%s" fill="%s" stroke="#000" stroke-width="%s"%s/>'
                 % (f(c[0]), f(c[1]), f(rx), f(ry), fill, f(w), tr))

    def rect(self, x, y, w, h, sw=EQ, rx=0, fill='#fff'):
        r = ' rx="%s"' % f(rx) if rx else ''
        self.raw('<rect x="%s" y="%s" width="%s" height="%s"%s fill="%s" stroke="#000" stroke-width="%s" '
                 'stroke-linejoin="round"/>' % (f(x), f(y), f(w), f(h), r, fill, f(sw)))

    def render(self):
        body = '\n'.join(self.items)
        return ('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">\n'
                '<rect width="%d" height="%d" fill="#fff"/>\n%s\n</svg>\n' % (W, H, W, H, W, H, body))


# ------------------------------------------------------------ body parts
def limb(sv, ps, hollow=False, foot=None):
    """A limb polyline (plus an optional foot segment).  Far-side limbs are
    drawn hollow (black outline, white core)."""
    sv.poly(ps, LIMB)
    if foot:
        sv.line(foot[0], foot[1], LIMB)
    if hollow:
        sv.poly(ps, HOLLOW_IN, color='#fff')
        if foot:
            sv.line(foot[0], foot[1], HOLLOW_IN, color='#fff')


def head(sv, c, nose=None, dash=None):
    """Head circle; `nose` = facing direction in degrees (small notch)."""
    if nose is not None:
        a = P(c, nose, HR - 1)
        b = P(c, nose, HR + 4.5)
        sv.line(a, b, 5)
    sv.circle(c, HR, HEAD_SW, dash=dash)


def torso_side(sv, S, Hp, bulge=(0, 0)):
    """Side-view torso: a slim rounded capsule from shoulder point S to hip
    joint Hp, optionally bowed by `bulge` (offset of its middle)."""
    m = lerp(S, Hp, 0.5)
    c = add(m, mul(bulge, 2))
    if bulge == (0, 0):
        d = 'M%s %sL%s %s' % (f(Hp[0]), f(Hp[1]), f(S[0]), f(S[1]))
    else:
        d = 'M%s %sQ%s %s %s %s' % (f(Hp[0]), f(Hp[1]), f(c[0]), f(c[1]), f(S[0]), f(S[1]))
    sv.path(d, TOR_OUT)
    sv.path(d, TOR_IN, color='#fff')


def leg(Hp, A, toward, foot_ang=0, tag='leg', heel=HEEL, foot_len=FOOT):
    """Leg from hip to ankle (knee found by IK), foot at `foot_ang`."""
    K = ik(Hp, A, TH, SH, toward, tag)
    return {'pts': [Hp, K, A], 'foot': (P(A, foot_ang, -heel), P(A, foot_ang, foot_len))}


def leg_fk(Hp, a_th, a_sh, foot_ang=None, heel=HEEL):
    K = P(Hp, a_th, TH)
    A = P(K, a_sh, SH)
    if foot_ang is None:
        return {'pts': [Hp, K, A], 'foot': None}
    return {'pts': [Hp, K, A], 'foot': (P(A, foot_ang, -heel), P(A, foot_ang, FOOT))}


def arm(S, Wr, toward, tag='arm'):
    E = ik(S, Wr, UA, FA, toward, tag)
    return {'pts': [S, E, Wr]}


def arm_fk(S, a_ua, a_fa):
    E = P(S, a_ua, UA)
    return {'pts': [S, E, P(E, a_fa, FA)]}


def check_len(tag, ps, lens, tol=1.5):
    for i, l in enumerate(lens):
        d = dist(ps[i], ps[i + 1])
        if abs(d - l) > tol:
            WARNINGS.append('%s: segment %d is %.1f, expected %d' % (tag, i, d, l))


class Side:
    """A side-view figure.  'n' = near side (solid), 'f' = far side (hollow)."""

    def __init__(self, S, Hp, hd, bulge=(0, 0), nose=None, tag='fig'):
        self.S, self.H, self.hd, self.bulge, self.nose = S, Hp, hd, bulge, nose
        self.tag = tag
        self.arm_n = self.arm_f = self.leg_n = self.leg_f = None
        self.order = ['leg_f', 'arm_f', 'neck', 'torso', 'head', 'leg_n', 'arm_n']
        self.hooks = {}

    def draw(self, sv):
        nk = dist(self.S, self.hd)
        if abs(nk - NECK) > 3:
            WARNINGS.append('%s: neck %.1f' % (self.tag, nk))
        for part in self.order:
            if part in self.hooks:
                self.hooks[part](sv)
            if part == 'leg_f' and self.leg_f:
                limb(sv, self.leg_f['pts'], True, self.leg_f['foot'])
            elif part == 'leg_n' and self.leg_n:
                limb(sv, self.leg_n['pts'], False, self.leg_n['foot'])
            elif part == 'arm_f' and self.arm_f:
                limb(sv, self.arm_f['pts'], True)
            elif part == 'arm_n' and self.arm_n:
                limb(sv, self.arm_n['pts'], False)
            elif part == 'neck':
                sv.line(self.S, self.hd, LIMB)
            elif part == 'torso':
                torso_side(sv, self.S, self.H, self.bulge)
            elif part == 'head':
                head(sv, self.hd, self.nose)
        if 'end' in self.hooks:
            self.hooks['end'](sv)


# ------------------------------------------------------ front / top view
class Front:
    """A front-, back- or top-view figure.  The torso is a white rounded
    shape from neck point N to pelvis centre Pc; joints are given by the
    caller (use .sh(side) and .hip(side) for attachment points).
    side = +1 is the viewer's left when the figure stands upright facing
    the viewer (the figure's right)."""

    def __init__(self, N, Pc, hd, sw=16, hw=11, bulge=(0, 0), nose=None):
        self.N, self.Pc, self.hd, self.sw, self.hw = N, Pc, hd, sw, hw
        self.bulge, self.nose = bulge, nose
        self.limbs = []     # (points, hollow, foot, layer)  layer: 'back' | 'front'
        self.hooks = {}

    def _spine(self, n=10):
        m = lerp(self.N, self.Pc, 0.5)
        c = add(m, mul(self.bulge, 2))
        return qbez(self.N, c, self.Pc, n)

    def _normal(self, i, sp):
        a = sp[max(i - 1, 0)]
        b = sp[min(i + 1, len(sp) - 1)]
        return perp(unit(sub(a, b)))   # a is nearer the neck

    def sh(self, side, down=4):
        sp = self._spine()
        nrm = self._normal(0, sp)
        d = unit(sub(sp[1], sp[0]))
        return add(add(self.N, mul(nrm, side * (self.sw - 3))), mul(d, down))

    def hip(self, side):
        sp = self._spine()
        nrm = self._normal(len(sp) - 1, sp)
        return add(self.Pc, mul(nrm, side * (self.hw - 4)))

    def add_limb(self, ps, hollow=False, foot=None, layer='front'):
        self.limbs.append((ps, hollow, foot, layer))

    def torso(self, sv):
        sp = self._spine()
        n = len(sp) - 1
        left, right = [], []
        for i, p in enumerate(sp):
            t = i / n
            w = self.sw + (self.hw - self.sw) * t
            nrm = self._normal(i, sp)
            left.append(add(p, mul(nrm, w)))
            right.append(add(p, mul(nrm, -w)))
        sv.poly(left + right[::-1], HEAD_SW, fill='#fff', closed=True)

    def draw(self, sv):
        for ps, hollow, foot, layer in self.limbs:
            if layer == 'back':
                limb(sv, ps, hollow, foot)
        if 'neck' in self.hooks:
            self.hooks['neck'](sv)
        sv.line(self.N, self.hd, LIMB)
        self.torso(sv)
        if 'torso' in self.hooks:
            self.hooks['torso'](sv)
        head(sv, self.hd, self.nose)
        for ps, hollow, foot, layer in self.limbs:
            if layer == 'front':
                limb(sv, ps, hollow, foot)
        if 'end' in self.hooks:
            self.hooks['end'](sv)


# ------------------------------------------------------------- arrows
def arrow_head(sv, tip, direction, size=13, half=7.5, color='#000'):
    """Filled triangle whose tip is at `tip`, pointing along screen vector."""
    d = unit(direction)
    base = sub(tip, mul(d, size))
    n = perp(d)
    a = add(base, mul(n, half))
    b = add(base, mul(n, -half))
    sv.fillpath('M%s %sL%s %sL%s %sZ' % (f(tip[0]), f(tip[1]), f(a[0]), f(a[1]), f(b[0]), f(b[1])), color)


def _trim(ps, amount, from_end=True):
    """Cut `amount` of length off the end (or start) of a polyline."""
    seq = ps[::-1] if from_end else ps[:]
    left = amount
    while len(seq) > 1:
        l = dist(seq[0], seq[1])
        if l > left:
            seq[0] = lerp(seq[0], seq[1], left / l)
            break
        left -= l
        seq.pop(0)
    return seq[::-1] if from_end else seq


def arrow_poly(sv, ps, both=False, w=ARROW, size=13, half=7.5, halo=False):
    """Arrow along a polyline; `halo` first lays a white outline under it so
    it stays readable where it crosses the figure."""
    ps = list(ps)
    tip = ps[-1]
    d_end = sub(ps[-1], ps[-2])
    shaft = _trim(ps, size - 2, True)
    if both:
        tip0 = ps[0]
        d_start = sub(ps[0], ps[1])
        shaft = _trim(shaft, size - 2, False)
    if halo:
        sv.poly(shaft, w + 6, color='#fff')
        for t, d in ((tip, d_end),) + (((tip0, d_start),) if both else ()):
            dd = unit(d)
            arrow_head(sv, add(t, mul(dd, 3.5)), d, size + 7, half + 4.5, color='#fff')
    sv.poly(shaft, w, cap='butt')
    arrow_head(sv, tip, d_end, size, half)
    if both:
        arrow_head(sv, tip0, d_start, size, half)


def arrow(sv, a, b, both=False, **kw):
    arrow_poly(sv, [a, lerp(a, b, 0.5), b], both, **kw)


def arrow_arc(sv, c, r, a0, a1, both=False, ry=None, **kw):
    """Arc arrow around centre c from angle a0 to a1 (degrees, 90 = up)."""
    ry = r if ry is None else ry
    n = max(8, int(abs(a1 - a0) / 6))
    ps = [(c[0] + r * math.cos(rad(a0 + (a1 - a0) * i / n)),
           c[1] - ry * math.sin(rad(a0 + (a1 - a0) * i / n))) for i in range(n + 1)]
    arrow_poly(sv, ps, both, **kw)


def arrow_curve(sv, p0, c, p1, both=False, **kw):
    arrow_poly(sv, qbez(p0, c, p1, 20), both, **kw)


def step_arrow(sv, y=120, x=200):
    """The small arrow between a start pose (left) and end pose (right)."""
    arrow(sv, (x - 15, y), (x + 15, y), size=12, half=7)


# ---------------------------------------------------------- equipment
def floor(sv, x0=6, x1=394):
    sv.line((x0, FLOOR), (x1, FLOOR), 3)


def mat(sv, x0, x1):
    sv.rect(x0, MAT, x1 - x0, FLOOR - MAT, 3, rx=3)


def chair(sv, xb, facing=1, back=True, back_h=64, seat_w=44):
    """Side-view chair; xb = x of the backrest, seat extends in `facing`."""
    y = SEAT + EQ / 2
    xf = xb + facing * seat_w
    sv.line((xb, y), (xf, y), EQ + 1)
    sv.line((xb + facing * 3, y), (xb + facing * 3, FLOOR - 1.5), EQ)
    sv.line((xf - facing * 3, y), (xf - facing * 3, FLOOR - 1.5), EQ)
    if back:
        sv.line((xb, y), (xb - facing * 5, y - back_h), EQ + 1)
        # backrest panel
        sv.line((xb - facing * 2.2, y - back_h * 0.45), (xb - facing * 4.4, y - back_h * 0.9), 8)
        sv.line((xb - facing * 2.2, y - back_h * 0.45), (xb - facing * 4.4, y - back_h * 0.9), 2, color='#fff')


def stool(sv, cx, half=26):
    y = SEAT + EQ / 2
    sv.line((cx - half, y), (cx + half, y), EQ + 1)
    sv.line((cx - half + 4, y), (cx - half - 2, FLOOR - 1.5), EQ)
    sv.line((cx + half - 4, y), (cx + half + 2, FLOOR - 1.5), EQ)


def wall(sv, x, width=14, top=18):
    sv.rect(x, top, width, FLOOR - 1.5 - top, 3)
    # a few hatch strokes inside the wall
    for yy in range(top + 14, int(FLOOR) - 10, 26):
        sv.line((x + 3, yy + 8), (x + width - 3, yy), 1.8)


def heat_waves(sv, cx, y0, n=3, gap=12, h=30):
    for i in range(n):
        x = cx + (i - (n - 1) / 2) * gap
        d = 'M%s %s' % (f(x), f(y0))
        seg = h / 4
        for k in range(4):
            dx = 5 if k % 2 == 0 else -5
            d += ' q%s %s 0 %s' % (f(dx), f(-seg / 2), f(-seg))
        sv.path(d, 3)


def snowflake(sv, c, r=15):
    for a in (90, 30, -30):
        p0, p1 = P(c, a, r), P(c, a + 180, r)
        sv.line(p0, p1, 3)
        for end, base in ((p0, a), (p1, a + 180)):
            m = P(c, base, r * 0.62)
            sv.line(m, P(m, base + 40, r * 0.38), 2.5)
            sv.line(m, P(m, base - 40, r * 0.38), 2.5)
