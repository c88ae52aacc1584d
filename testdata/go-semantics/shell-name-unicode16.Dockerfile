# Variable names end where Go's unicode.IsLetter and IsDigit end: U+1C89 and U+A7CB are letters and U+10D40 a digit since Unicode 16, which Go's tables (15.0) do not have
FROM busybox
ENV a=1 b=2
ENV c=$aᲉ d=${b}ꟋX e=$a𐵀 f=$b_Ᲊ
LABEL x=$aᲉ y="$bꟋ" z=$a𐵀
WORKDIR /w$aᲉ
COPY $aᲉ /$b𐵀/
