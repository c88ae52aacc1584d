# ADD names a URL's file by url.Parse (Go 1.26): where it fails (a bad IP literal,
# a second colon in an http host, bad userinfo), the file is __unnamed__
FROM busybox
ADD http://[::1/x /d0/
ADD http://[::1]/y /d1/
ADD http://[::1]:80/y /d2/
ADD http://[1.2.3.4]/y /d3/
ADD http://[::ffff:1.2.3.4]/y /d4/
ADD http://[fe80::1%25en0]/y /d5/
ADD http://[fe80::1%25]/y /d6/
ADD http://a[b]/y /d7/
ADD http://a:b:80/y /d8/
ADD http://a:80:80/y /d9/
ADD http://u:p:q@h/y /d10/
ADD http://u%zz@h/y /d11/
ADD http://u^@h/y /d12/
ADD http://h:/y /d13/
ADD http://[::1]x/y /d14/
ADD http://[fe80::1%25%C3%A9]/y /d15/
ADD http://[fe80::1%25%20]/y /d16/
ADD https://[v1.x]/y /d17/
ADD http://h%41/y /d18/
ADD http://h%c3%a9/y /d19/
ADD http://u:p%zz@h/y /d20/
ADD http://u:p:%zz@h/y /d21/
ADD http://[::1]:8a/y /d22/
ADD http://[::1%en0]/y /d23/
ADD http://[0::01]/y /d24/
