/*
 * The filter expression language of the data API (docs/api-guide.md).
 * NOT binds tighter than AND, AND tighter than OR. Keywords are case-insensitive.
 * A NOT chain is a loop, not a recursion, so long chains cannot exhaust the stack;
 * parenthesis depth is bounded before parsing (FilterSyntax).
 */
grammar Filter;

filter     : orExpr EOF ;
orExpr     : andExpr (OR andExpr)* ;
andExpr    : notExpr (AND notExpr)* ;
notExpr    : NOT* primary ;
primary    : LPAREN orExpr RPAREN
           | predicate
           ;
predicate  : IDENT compareOp literal                                    # comparison
           | IDENT NOT? IN LPAREN literal (COMMA literal)* RPAREN       # inList
           | IDENT NOT? LIKE STRING                                     # like
           | IDENT IS NOT? NULL                                         # isNull
           ;
compareOp  : EQ | NE | LT | LE | GT | GE ;
literal    : STRING | NUMBER | TRUE | FALSE ;

AND    : [aA][nN][dD] ;
OR     : [oO][rR] ;
NOT    : [nN][oO][tT] ;
IN     : [iI][nN] ;
LIKE   : [lL][iI][kK][eE] ;
IS     : [iI][sS] ;
NULL   : [nN][uU][lL][lL] ;
TRUE   : [tT][rR][uU][eE] ;
FALSE  : [fF][aA][lL][sS][eE] ;

EQ     : '=' ;
NE     : '!=' | '<>' ;
LE     : '<=' ;
GE     : '>=' ;
LT     : '<' ;
GT     : '>' ;
LPAREN : '(' ;
RPAREN : ')' ;
COMMA  : ',' ;

STRING : '\'' ( ~'\'' | '\'\'' )* '\'' ;
NUMBER : '-'? DIGITS ( '.' DIGITS )? ( [eE] [+-]? DIGITS )? ;
IDENT  : [A-Za-z_] [A-Za-z0-9_]* ;
WS     : [ \t\r\n]+ -> skip ;

fragment DIGITS : [0-9]+ ;
