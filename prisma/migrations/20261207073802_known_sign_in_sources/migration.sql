-- CreateTable
CREATE TABLE "KnownSignInSource" (
    "userId" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "lastSignInAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnownSignInSource_pkey" PRIMARY KEY ("userId","sourceHash")
);

-- AddForeignKey
ALTER TABLE "KnownSignInSource" ADD CONSTRAINT "KnownSignInSource_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
