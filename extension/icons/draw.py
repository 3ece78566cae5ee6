# Draws the extension's icons, icon-16/32/48/128.png, drawn for this project (not taken
# from anywhere): `python3 extension/icons/draw.py extension/icons` rewrites them.
# The icon: a rounded square in the
# accent red (#b3261e), three white lines of text, the middle one under a yellow
# highlight (#ffe27a) -- a summary with its chosen sentence marked. Geometry in units
# of the side (0..1); 4x4 supersampling for the edges; written with zlib, no imaging library.
import struct, zlib, sys
RED=(0xb3,0x26,0x1e); WHITE=(255,255,255); YELLOW=(0xff,0xe2,0x7a); INK=(0x1f,0x23,0x28)
def inside_round(x,y,r=0.2):
    cx=min(max(x,r),1-r); cy=min(max(y,r),1-r)
    return (x-cx)**2+(y-cy)**2<=r*r and 0<=x<=1 and 0<=y<=1
def bar(x,y,x0,x1,yc,h):
    r=h/2
    if not (yc-r<=y<=yc+r): return False
    cx=min(max(x,x0+r),x1-r)
    return (x-cx)**2+(y-yc)**2<=r*r
def color(x,y):
    if not inside_round(x,y): return None
    if bar(x,y,0.16,0.84,0.5,0.2):
        return INK if bar(x,y,0.24,0.76,0.5,0.08) else YELLOW
    if bar(x,y,0.2,0.8,0.27,0.08) or bar(x,y,0.2,0.64,0.73,0.08): return WHITE
    return RED
def png(n):
    S=4; rows=[]
    for j in range(n):
        row=bytearray([0])
        for i in range(n):
            acc=[0,0,0,0]
            for sj in range(S):
                for si in range(S):
                    c=color((i+(si+0.5)/S)/n,(j+(sj+0.5)/S)/n)
                    if c: acc[0]+=c[0];acc[1]+=c[1];acc[2]+=c[2];acc[3]+=1
            a=acc[3]
            row+=bytes([acc[0]//a,acc[1]//a,acc[2]//a,255*a//(S*S)] if a else [0,0,0,0])
        rows.append(bytes(row))
    def chunk(t,d): return struct.pack('>I',len(d))+t+d+struct.pack('>I',zlib.crc32(t+d)&0xffffffff)
    return b'\x89PNG\r\n\x1a\n'+chunk(b'IHDR',struct.pack('>IIBBBBB',n,n,8,6,0,0,0))+chunk(b'IDAT',zlib.compress(b''.join(rows),9))+chunk(b'IEND',b'')
for n in (16,32,48,128):
    open(f'{sys.argv[1]}/icon-{n}.png','wb').write(png(n))
